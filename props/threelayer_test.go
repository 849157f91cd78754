package props_test

// Property tests of the 3-layer constructions of Appendix A and of U3
// (Sec. 5.2): each builds a network for a drawn fine-tuning problem, the
// oracle verifies f + g exactly, and the neuron count is compared with what
// the paper states — never the construction checking itself.

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// drawThree draws a problem with K ≤ 24, d ≤ 4, N 0..K, targets inside or
// outside [−1, 1] (the constructions rescale through the output layer).
func drawThree(t *rapid.T, oneD bool) *props.FineTune {
	unit := rapid.Bool().Draw(t, "zInUnit")
	return props.Instance(props.InstanceOptions{MinK: 3, MaxK: 24, MaxD: 4, OneD: oneD, ZInUnit: unit}).Draw(t, "problem")
}

// verify builds with build, checks f + g = y exactly and returns the net.
func verify(t *rapid.T, ft *props.FineTune, build func(*instance.Instance) (*construction.Built, error)) *construction.Built {
	b, err := build(ft.Inst)
	if err != nil {
		t.Fatalf("construction error: %v", err)
	}
	if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
		t.Fatalf("f + g misses a label: %v", err)
	}
	return b
}

// TestAppendixAFineTunesWith4NPlus4: for every instance, Appendix A's
// network fine-tunes it with exactly 4N+4 ReLUs in widths (4N+2, 2), and a
// target outside [−1, 1] is recorded as a scale max|z| > 1.
func TestAppendixAFineTunesWith4NPlus4(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := drawThree(t, false)
		b := verify(t, ft, construction.AppendixA)
		N, w := ft.Inst.N(), b.Net.Widths()
		if len(w) != 2 || w[0] != 4*N+2 || w[1] != 2 {
			t.Fatalf("widths %v, want [%d 2]", w, 4*N+2)
		}
		if (b.Scale.Cmp(big.NewRat(1, 1)) > 0) != (maxAbs(ft.Inst.Z).Cmp(big.NewRat(1, 1)) > 0) {
			t.Fatalf("scale %s but max|z| = %s", b.Scale, maxAbs(ft.Inst.Z))
		}
	})
}

func maxAbs(z []*big.Rat) *big.Rat {
	m := new(big.Rat)
	for _, v := range z {
		if a := new(big.Rat).Abs(v); a.Cmp(m) > 0 {
			m = a
		}
	}
	return m
}

// TestU3FineTunesWithinShape: for every instance, U3 fine-tunes it with
// 2M + 4G ReLUs, M = ⌈√n⌉ windows and G = ⌈n/M⌉ σL units, where n ≤ min{3N+2, K}.
func TestU3FineTunesWithinShape(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := drawThree(t, false)
		b := verify(t, ft, construction.U3)
		w := b.Net.Widths()
		M, G := w[0]/2, w[1]/4
		n := min(3*ft.Inst.N()+2, ft.Inst.K())
		if w[0] != 2*M || w[1] != 4*G || M*G < 1 || M > ceilSqrt(n) || G > ceilSqrt(n) {
			t.Fatalf("widths %v for |J| ≤ %d: more than ⌈√|J|⌉ windows or units", w, n)
		}
	})
}

func ceilSqrt(n int) int {
	r := 0
	for r*r < n {
		r++
	}
	return r
}

// TestU3OnTFineTunes: beyond the paper, U3 fitted on T alone (the cheapest
// shape) fine-tunes every instance, with ⌈√N⌉-ish widths (≤ 2N + 4N ReLUs
// for the trivial shape, far less in general).
func TestU3OnTFineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := drawThree(t, false)
		b := verify(t, ft, func(in *instance.Instance) (*construction.Built, error) {
			return construction.U3With(in, construction.U3Options{OnT: true, Shape: construction.CheapestShape})
		})
		if N := ft.Inst.N(); b.Net.Hidden() > 6*N {
			t.Fatalf("%d ReLUs for N = %d", b.Net.Hidden(), N)
		}
	})
}

// TestThreeLayerPiecesBetweenBounds: on 1-D instances, the restriction to
// the line of the verified Appendix A and U3 networks has at least R + 1
// pieces, R the exact minimum number of breakpoints of any interpolant
// (lowerbound.MinBreakpoints), and at most 2·d1·d2 + d2 + 1 pieces (the count
// the paper cites from Yun et al.): a verified network outside either would
// refute the counting lemma, the minimum, or the verification.
func TestThreeLayerPiecesBetweenBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := drawThree(t, true)
		xs := make([]*big.Rat, ft.Inst.K())
		for i, x := range ft.Inst.X {
			xs[i] = x[0]
		}
		R, err := lowerbound.MinBreakpoints(xs, ft.Inst.Z) // g interpolates (x_i, z_i)
		if err != nil {
			t.Fatal(err)
		}
		for _, build := range []func(*instance.Instance) (*construction.Built, error){construction.AppendixA, construction.U3} {
			b := verify(t, ft, build)
			w := b.Net.Widths()
			pieces := b.Net.Restrict([]*big.Rat{new(big.Rat)}, []*big.Rat{big.NewRat(1, 1)}).Pieces()
			if pieces < R+1 || pieces > 2*w[0]*w[1]+w[1]+1 {
				t.Fatalf("widths %v: %d pieces, want between R+1 = %d and 2·d1·d2 + d2 + 1 = %d", w, pieces, R+1, 2*w[0]*w[1]+w[1]+1)
			}
		}
	})
}

// TestPlantedLambdaZeroCaught: Appendix A and U3 without the null-space
// scaling (λ = 0, W2 = μ) fail the exact property on some drawn instance,
// so the properties above can fail.
func TestPlantedLambdaZeroCaught(t *testing.T) {
	zero := construction.Tamper{Lambda: func(*big.Rat) *big.Rat { return new(big.Rat) }}
	builds := map[string]func(*instance.Instance) (*construction.Built, error){
		"A": func(in *instance.Instance) (*construction.Built, error) { return construction.AppendixAWith(in, zero) },
		"U3": func(in *instance.Instance) (*construction.Built, error) {
			return construction.U3With(in, construction.U3Options{Tamper: zero})
		},
	}
	search.Configure(21, 100)
	for name, build := range builds {
		out := search.Run("planted λ = 0 "+name, func(t *rapid.T) { verify(t, drawThree(t, false), build) })
		if !out.Failed {
			t.Errorf("%s with λ = 0 passed 100 draws", name)
		}
	}
}
