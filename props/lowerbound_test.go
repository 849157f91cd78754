package props

// Property tests of package lowerbound against the constructions: on 1-D
// instances no verified network may use fewer neurons than the certified
// lower bound, and the lower bound must be attained often enough that a
// planted "bound plus one" is caught.

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/lowerbound"
	"pgregory.net/rapid"
)

func column0(X [][]*big.Rat) []*big.Rat {
	t := make([]*big.Rat, len(X))
	for i := range X {
		t[i] = X[i][0]
	}
	return t
}

// twoLayerFloor checks one drawn 1-D instance: the Theorem 4.4 network
// fine-tunes it (oracle) and has at least lower(instance) neurons. It
// returns the network's count and the certificate.
func twoLayerFloor(t *rapid.T, minN int, lower func(*lowerbound.Interval) int) (int, *lowerbound.Interval) {
	ft := Instance(InstanceOptions{OneD: true, MaxK: 24, MinN: minN}).Draw(t, "instance")
	in := ft.Inst
	b, err := construction.TwoLayer(in)
	if err != nil {
		t.Fatalf("construction: %v", err)
	}
	if _, err := in.Verify(b.Net); err != nil {
		t.Fatalf("the Theorem 4.4 net does not fine-tune: %v", err)
	}
	iv, err := lowerbound.TwoLayerMin1D(column0(in.X), in.Z)
	if err != nil {
		t.Fatal(err)
	}
	if b.Neurons < lower(iv) {
		t.Fatalf("Theorem 4.4 net has %d neurons, below the certified lower bound %d (R = %d)", b.Neurons, lower(iv), iv.Breaks)
	}
	return b.Neurons, iv
}

// TestTwoLayerNeverBelowLowerBound: on every 1-D instance the verified
// Theorem 4.4 network has at least lo neurons (lo = R, or R+1 where the
// certificate proves it), and the certificate's own net verifies with hi.
func TestTwoLayerNeverBelowLowerBound(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		_, iv := twoLayerFloor(rt, 0, func(iv *lowerbound.Interval) int { return iv.Lo })
		if iv.Hi > iv.Breaks+1 || iv.Lo < iv.Breaks {
			rt.Fatalf("interval [%d, %d] outside [R, R+1], R = %d", iv.Lo, iv.Hi, iv.Breaks)
		}
	})
}

// TestPlantedLowerBoundPlusOne: a lower bound of lo+1 is refuted by some
// instance with N ≥ 1 where the construction attains lo (rapid finds and
// shrinks it), so the floor property can fail.
func TestPlantedLowerBoundPlusOne(t *testing.T) {
	search.Configure(5, 100)
	out := search.Run("planted lo+1", func(rt *rapid.T) {
		n, iv := twoLayerFloor(rt, 1, func(iv *lowerbound.Interval) int { return 0 })
		if n < iv.Lo+1 {
			rt.Fatalf("net with %d neurons beats the planted bound %d", n, iv.Lo+1)
		}
	})
	if !out.Failed {
		t.Fatal("a lower bound plus one was not caught")
	}
	t.Log(out.Log)
}

// TestThreeLayerNeverBelowLowerBound: the verified U3 and Appendix A
// networks never use fewer neurons than the 3-layer lower bound of the
// proven piece count (lowerbound.ThreeLayerLower1D), on 1-D instances with
// targets in [−1, 1].
func TestThreeLayerNeverBelowLowerBound(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		ft := Instance(InstanceOptions{OneD: true, MaxK: 16, ZInUnit: true}).Draw(rt, "instance")
		in := ft.Inst
		lo, err := lowerbound.ThreeLayerLower1D(column0(in.X), in.Z)
		if err != nil {
			rt.Fatal(err)
		}
		for name, build := range map[string]func(*instance.Instance) (*construction.Built, error){
			"U3": construction.U3, "A": construction.AppendixA,
		} {
			b, err := build(in)
			if err != nil {
				continue // a construction may refuse an instance; its own tests cover that
			}
			if _, err := in.Verify(b.Net); err != nil {
				continue // the construction's tests report a net that does not fine-tune
			}
			if b.Neurons < lo {
				rt.Fatalf("%s: verified net with %d neurons < 3-layer lower bound %d", name, b.Neurons, lo)
			}
		}
	})
}
