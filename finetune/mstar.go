package finetune

// Certified m* on 1-D data (beyond the paper, SPEC §3): for samples (t_i, z_i)
// on a line, exact intervals lo ≤ m* ≤ hi for the least number of neurons of
// a 2-layer and of a 3-layer g that fine-tunes them.
//
// 2-layer: lowerbound.TwoLayerMin1D gives lo = R (a 2-layer net has at most
// m breakpoints on a line; R is the exact minimum breakpoint count, R+1 in
// the cases it proves) and hi = R or R+1 with a verified network; when the
// interval stays open and R ≤ exactTwoLayerMaxR, the exact case analysis
// lowerbound.TwoLayerExact1D closes it.
//
// 3-layer: lowerbound.ThreeLayerMin1D gives lo (the least d1 + d2 whose
// piece bound admits R + 1 pieces) and hi = the 2-layer hi + 1; the smallest
// verified 3-layer candidate (Smallest at depth 3) lowers hi when it is
// smaller.

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
)

// exactTwoLayerMaxR and exactTwoLayerMaxCases bound the exact case analysis
// that decides R vs R+1 for 2-layer nets: its cost grows like C(K−2+R, R)·4^R
// small LPs, so it runs only where that count is at most maxCases (K ≤ 10
// at R = 4, K ≤ 1000 at R = 1); elsewhere the interval stays as it is.
const (
	exactTwoLayerMaxR     = 4
	exactTwoLayerMaxCases = 1 << 17
)

// exactCases is C(K−2+R, R)·4^R, saturating above exactTwoLayerMaxCases.
func exactCases(K, R int) int {
	c := 1
	for i := 1; i <= R; i++ {
		c = c * (K - 2 + i) / i // C(K−2+i, i), exact at every step
		if c > exactTwoLayerMaxCases {
			return exactTwoLayerMaxCases + 1
		}
	}
	for i := 0; i < R; i++ {
		if c *= 4; c > exactTwoLayerMaxCases {
			return exactTwoLayerMaxCases + 1
		}
	}
	return c
}

// MStar is the certificate of m* for one 1-D instance.
type MStar struct {
	Breaks int                 // R: the exact minimum number of breakpoints of any interpolant
	Two    lowerbound.Interval // 2-layer: Lo ≤ m* ≤ Hi, Net verified with Hi neurons
	Three  lowerbound.Interval // 3-layer: Lo ≤ m* ≤ Hi, Net verified with Hi neurons
	// Tried lists the 3-layer candidates built for Three.Hi, smallest first
	// (Failures among them are bugs in a construction, never used).
	Tried []Try
}

// MStar1D certifies m* of 2- and 3-layer networks for the 1-D instance in
// (d = 1, targets in.Z; opt.Base must be nil). Bad data gives lowerbound's
// typed errors.
func MStar1D(in *instance.Instance, opt Options) (*MStar, error) {
	if in.Dim() != 1 || opt.Base != nil {
		return nil, fmt.Errorf("finetune: MStar1D needs 1-D targets of g alone, got d = %d", in.Dim())
	}
	t := make([]*big.Rat, in.K())
	for i, x := range in.X {
		t[i] = x[0]
	}
	two, err := lowerbound.TwoLayerMin1D(t, in.Z)
	if err != nil {
		return nil, err
	}
	if !two.Decided && two.Breaks <= exactTwoLayerMaxR && exactCases(in.K(), two.Breaks) <= exactTwoLayerMaxCases {
		if exact, err := lowerbound.TwoLayerExact1D(t, in.Z, exactTwoLayerMaxR); err == nil {
			two = exact
		}
	}
	three, err := lowerbound.ThreeLayerMin1D(t, in.Z)
	if err != nil {
		return nil, err
	}
	c := &MStar{Breaks: two.Breaks, Two: *two, Three: *three}
	r, err := Smallest(in, 3, opt)
	var nv *NotVerifiedError
	var nc *NoCandidateError
	switch {
	case errors.As(err, &nv):
		c.Tried = nv.Tried
	case errors.As(err, &nc):
	case err != nil:
		return nil, err
	default:
		c.Tried = r.Tried
		if r.Neurons < c.Three.Hi {
			c.Three.Hi, c.Three.HiWhy, c.Three.Net = r.Neurons, r.Name+" (verified)", r.Net
			c.Three.Decided = c.Three.Lo == c.Three.Hi
		}
	}
	return c, nil
}
