package construction

// Lifting a 2-layer network to a 3-layer one with one more neuron.
//
// Not in the paper; used to certify upper bounds on the 3-layer m* of an
// instance (ftcheck mstar, finetune -depth 3). If g(x) = W2·σ(W1 x + b1) + b2
// fine-tunes the instance, let C ≥ max{0, −min_i g(x_i)}. Then
//
//	h(x) = σ(W2·σ(W1 x + b1) + b2 + C) − C
//
// is a 3-layer ReLU network with widths (m, 1) and h(x_i) = g(x_i) for every
// sample, because g(x_i) + C ≥ 0 there, so the ReLU is the identity. Off the
// samples h may differ from g; fine-tuning only asks about the samples. So a
// 2-layer net with m neurons gives a 3-layer net with m + 1 neurons.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Lift turns a 2-layer network that fine-tunes in into a 3-layer one with
// one more neuron (the carrier), exactly as in the comment above.
func Lift(b *Built, in *instance.Instance) (*Built, error) {
	if b.Net.Depth() != 2 {
		return nil, fmt.Errorf("construction: Lift needs a 2-layer network, got depth %d", b.Net.Depth())
	}
	ev := oracle.NewEvaluator(b.Net)
	C := new(big.Rat)
	for _, x := range in.X {
		if v := ev.Eval(x); v.Sign() < 0 && new(big.Rat).Neg(v).Cmp(C) > 0 {
			C.Neg(v)
		}
	}
	net := b.Net.Clone()
	out := net.Layers[1]
	out.B[0] = new(big.Rat).Add(out.B[0], C)
	net.Layers[1] = out
	net.Layers = append(net.Layers, oracle.Layer{W: [][]*big.Rat{oracle.Rats(1)}, B: []*big.Rat{new(big.Rat).Neg(C)}})
	lifted := NewBuilt(b.Name+"+carrier", net, b.Unpruned+1,
		append(append([]string{}, b.Notes...), "3-layer by one carrier neuron on top of the 2-layer network (not in the paper)")...)
	lifted.Scale = b.Scale
	return lifted, nil
}
