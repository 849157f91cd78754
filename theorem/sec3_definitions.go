package theorem

// D1.1=D3.1 (Def. 1.1 and 3.1: FTC does not depend on f) and R1 (Remark 1:
// N*_FTC(g, K) ≤ N*_MC(g)). Both are statements about definitions; what can
// be checked mechanically is the step each rests on, with networks the oracle
// verifies:
//
//   - D1.1=D3.1: one g built from (x, T, z) alone makes f+g hit y for every f
//     with y − f(x) = z, and every such (f, y) has the same residuals z.
//   - R1: memorizing N labelled points (eq. 4) is fine-tuning with f = 0 on
//     an instance padded to K ≥ N points with z = 0 on the padding and
//     T ⊆ [N] (eq. 3, which allows z_i = 0 on T); a network that fine-tunes
//     the padded instance memorizes the N points. N*_FTC and N*_MC are
//     suprema over all data and weights and are not computed.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
	"pgregory.net/rapid"
)

// d11Part: g built once from (x, z) (by build) fine-tunes f+g = y for every
// f of a drawn family with y = f(x) + z, and FromNetwork recovers z from
// each (f, y); the driver verifies the drawn f itself and the count
// min{3N+1, K−1} of Theorem 4.4's network, Check the rest of the family.
func d11Part(build builder, fs *int) drive.Part {
	return drive.Part{
		Name: "D1.1=D3.1",
		Draw: rapid.Custom(func(t *rapid.T) drive.Case {
			ft := twoLayerProblem(32).Draw(t, "problem")
			d := ft.Inst.Dim()
			family := []*oracle.Network{ft.F, oracle.Zero(d)}
			for k := rapid.IntRange(1, 3).Draw(t, "extra f"); k > 0; k-- {
				family = append(family, props.AnyNetwork(3, 4, d).Draw(t, fmt.Sprintf("f%d", k)))
			}
			return drive.Case{FT: ft, Extra: family}
		}),
		Build: func(c drive.Case) ([]*construction.Built, error) { return buildAll(c.FT.Inst, build) },
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			return bounds.Thm41Upper(c.FT.Inst.N(), c.FT.Inst.K()), "min{3N+1, K−1}", nil
		},
		Check: func(c drive.Case, g *construction.Built) error {
			family, _ := c.Extra.([]*oracle.Network)
			for j, f := range family {
				if err := sameResiduals(c.FT.Inst, f, g); err != nil {
					return fmt.Errorf("f number %d of the family: %v", j+1, err)
				}
			}
			return nil
		},
		See: func(c drive.Case, _ []*construction.Built) {
			family, _ := c.Extra.([]*oracle.Network)
			*fs += len(family)
		},
	}
}

// sameResiduals: with y = f(x) + z, FromNetwork(f, x, y) has the changed
// set of in, and f+g = y exactly.
func sameResiduals(in *instance.Instance, f *oracle.Network, g *construction.Built) error {
	fx := oracle.NewEvaluator(f).EvalAll(in.X)
	y := make([]*big.Rat, len(fx))
	for i := range y {
		y[i] = new(big.Rat).Add(fx[i], in.Z[i])
	}
	got, err := instance.FromNetwork(f, in.X, y)
	if err == nil && fmt.Sprint(got.T()) != fmt.Sprint(in.T()) {
		err = fmt.Errorf("residual T %v differs from %v", got.T(), in.T())
	}
	if err == nil {
		_, err = oracle.Verify(g.Net, f, in.X, y)
	}
	return err
}

// d11Parts are the parts of D1.1=D3.1's check.
func d11Parts(Config) []drive.Part { return []drive.Part{d11Part(construction.TwoLayer, new(int))} }

func checkD11(cfg Config) Result {
	fs := 0
	res, outs, ok := runParts(cfg, tlReproduce("D1.1=D3.1", cfg), d11Part(construction.TwoLayer, &fs))
	if !ok {
		return res
	}
	res.Evidence = fmt.Sprintf(
		"%d instances (x, T, z) with K in [3, 32], d in [1, 8]; for each, one g built from (x, z) alone (Theorem 4.4) and %d pre-trained networks f in all "+
			"(the drawn f, f = 0, and 1–3 more random ReLU nets of depth 1–3, widths ≤ 4) with y = f(x) + z: every (f, y) has residuals z (same T), and "+
			"f+g = y exactly (oracle) for every f. What f contributes off the samples never enters eq. 2 or eq. 3; the check confirms the reduction, the "+
			"equivalence itself is the algebra y_i − f(x_i) = z_i.", outs[0].Drawn, fs)
	return res
}

// r1Part: for N memorization points with arbitrary labels (zeros allowed),
// padded to K ≥ max{N, 3} points labelled 0, the fine-tuning network of the
// padded instance (built by build) memorizes the labels and is 0 on the
// padding (the driver verifies g = z on all K points), with at most
// min{3N'+1, K−1} neurons (N' nonzero labels).
func r1Part(build builder) drive.Part {
	return drive.Part{
		Name: "R1",
		Draw: rapid.Custom(func(t *rapid.T) drive.Case {
			N := rapid.IntRange(1, 16).Draw(t, "N")
			K := max(3, N+rapid.IntRange(0, 16).Draw(t, "padding"))
			d := rapid.IntRange(1, 8).Draw(t, "d")
			X := props.Points(K, d).Draw(t, "x")
			z := make([]*big.Rat, K)
			for i := range z {
				z[i] = new(big.Rat)
				if i < N && !rapid.Bool().Draw(t, fmt.Sprintf("zero[%d]", i+1)) {
					z[i] = props.Rat().Draw(t, fmt.Sprintf("label[%d]", i+1))
				}
			}
			return drive.Case{FT: &props.FineTune{Inst: &instance.Instance{X: X, Z: z}}}
		}),
		Build: func(c drive.Case) ([]*construction.Built, error) { return buildAll(c.FT.Inst, build) },
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			return bounds.Thm41Upper(c.FT.Inst.N(), c.FT.Inst.K()), "min{3N'+1, K−1}", nil
		},
	}
}

// r1Parts are the parts of R1's check.
func r1Parts(Config) []drive.Part { return []drive.Part{r1Part(construction.TwoLayer)} }

func checkR1(cfg Config) Result {
	res, outs, ok := runParts(cfg, tlReproduce("R1", cfg), r1Parts(cfg)...)
	if !ok {
		return res
	}
	res.Evidence = fmt.Sprintf(
		"Only the argument's step can be checked: N*_FTC and N*_MC are suprema over all data and all weights. Step: memorizing N points (eq. 4) is "+
			"fine-tuning with f = 0 on the instance padded to K ≥ N points with z = 0 on the padding and T = [N] (eq. 3 allows z_i = 0 on T, so labels "+
			"that are 0 are covered); any g fine-tuning every such instance memorizes every N labelled points, so N*_FTC(g, K) ≤ N*_MC(g). Checked on %d "+
			"instances (N in [1, 16], K = max{3, N + 0..16}, d in [1, 8], points of every props shape, labels zero, small or huge): the 2-layer network "+
			"built for the padded instance, with ≤ min{3N'+1, K−1} neurons (N' nonzero labels), memorizes the N labels exactly and is 0 on the padding (oracle).", outs[0].Drawn)
	return res
}
