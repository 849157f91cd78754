package theorem

// Shared parts of the 2-layer claim checks (Sec. 3–4: T4.1-U, T4.4, L4.5,
// D4.3, L4.6, L4.7, D1.1=D3.1, R1): the adversarial instance generator, the
// independent recomputation of the order along a projection, and findings.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// tlMaxK is the largest K the 2-layer properties draw by default.
const tlMaxK = 64

// tlExhaustiveK is the largest K of the exhaustive sweeps over all T ⊆ [K].
const tlExhaustiveK = 14

func tlReproduce(id string, cfg Config) string {
	return fmt.Sprintf("ftcheck check %s -seed %d -checks %d", id, cfg.Seed, cfg.Checks)
}

// twoLayerProblem draws a fine-tuning problem for the 2-layer checks: props'
// instances (K in [3, maxK], d in [1, 8], N in [0, K], T random, alternating,
// clustered or at the ends, z equal, tiny, huge or small, f of depth 1–3),
// and, with d ≥ 2, sometimes a "moment trap": rows 2s and 2s+1 made to
// collide under a(s) = (1, s, s², …) for s = 0, 1, …, so the projection's
// first tries fail. Labels are recomputed as y = f(x) + z.
func twoLayerProblem(maxK int) *rapid.Generator[*props.FineTune] {
	return rapid.Custom(func(t *rapid.T) *props.FineTune {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: maxK, MaxD: 8}).Draw(t, "problem")
		X := ft.Inst.X
		if d := len(X[0]); d >= 2 && rapid.Bool().Draw(t, "trap") {
			traps := rapid.IntRange(1, len(X)/2).Draw(t, "traps")
			moved := make([][]*big.Rat, len(X))
			copy(moved, X)
			for s := 0; s < traps; s++ {
				q := make([]*big.Rat, d)
				for k := range q {
					q[k] = new(big.Rat).Set(X[2*s][k])
				}
				q[0].Add(q[0], big.NewRat(int64(s), 1)) // x + (s, −1, 0, …) ⊥ a(s)
				q[1].Sub(q[1], big.NewRat(1, 1))
				moved[2*s+1] = q
			}
			if oracle.CheckDistinct(moved) == nil {
				ft.Inst.X = moved
				fx := oracle.NewEvaluator(ft.F).EvalAll(moved)
				for i := range ft.Y {
					ft.Y[i] = new(big.Rat).Add(fx[i], ft.Inst.Z[i])
				}
			}
		}
		return ft
	})
}

// positionsAlong recomputes, independently of the construction, the order of
// the rows along a (checking every projection is distinct) and returns the
// 1-based positions of the changed samples in that order.
func positionsAlong(in *instance.Instance, a []*big.Rat) ([]int, error) {
	order := props.SortedByProjection(in.X, a)
	proj := func(x []*big.Rat) *big.Rat {
		s := new(big.Rat)
		for k := range a {
			s.Add(s, new(big.Rat).Mul(a[k], x[k]))
		}
		return s
	}
	var T []int
	var prev *big.Rat
	for pos, row := range order {
		p := proj(in.X[row])
		if prev != nil && prev.Cmp(p) >= 0 {
			return nil, fmt.Errorf("direction %v does not separate rows %d and %d", a, order[pos-1]+1, row+1)
		}
		prev = p
		if in.Z[row].Sign() != 0 {
			T = append(T, pos+1)
		}
	}
	return T, nil
}

// tlLayoutK is the largest K of the exhaustive construction sweeps (every
// T ⊆ [K] on two layouts).
const tlLayoutK = 9
