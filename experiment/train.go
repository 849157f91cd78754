package experiment

// Full-batch training of an MLP against targets z with Adam and a cosine
// learning-rate schedule, stopping as soon as the loss reaches a target.

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// TrainOptions fixes one training run.
type TrainOptions struct {
	Epochs int     // at most this many full-batch Adam steps
	LR     float64 // initial learning rate, decayed by a cosine to LR/20
	Target float64 // stop as soon as the loss is ≤ Target (0: never stop early)
	// Patience: stop when the best loss has not dropped by 1% over this many
	// epochs (0: never). Saves time on runs that cannot reach Target.
	Patience int
}

// TrainResult is what a run reached.
type TrainResult struct {
	Loss    float64 // best loss seen (evaluated before each step)
	Epochs  int     // steps taken
	Reached bool    // Loss ≤ Target
}

// Train minimises the MSE of net against z on the rows of X, in place.
func Train(net *MLP, X *mat.Dense, z []float64, opt TrainOptions) TrainResult {
	ws := net.NewWorkspace(len(z))
	adam := NewAdam(len(net.Params), opt.LR)
	best, bestAt := math.Inf(1), 0
	mark := math.Inf(1)
	res := TrainResult{}
	for ep := 0; ep < opt.Epochs; ep++ {
		loss := ws.LossGrad(X, z)
		if loss < best {
			best = loss
		}
		if opt.Target > 0 && loss <= opt.Target {
			return TrainResult{Loss: loss, Epochs: ep, Reached: true}
		}
		if opt.Patience > 0 && ep-bestAt >= opt.Patience {
			if best > 0.99*mark {
				return TrainResult{Loss: best, Epochs: ep}
			}
			mark, bestAt = best, ep
		}
		frac := float64(ep) / float64(opt.Epochs)
		adam.LR = opt.LR * (0.05 + 0.95*0.5*(1+math.Cos(math.Pi*frac)))
		adam.Step(net.Params, ws.Grad)
		res.Epochs = ep + 1
	}
	loss := ws.Loss(X, z)
	if loss < best {
		best = loss
	}
	res.Loss = best
	res.Reached = opt.Target > 0 && best <= opt.Target
	return res
}
