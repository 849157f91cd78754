package theorem

// Beyond the paper: the 2-layer fine-tuning capacity is known exactly.
//
// Lower bound (Thm 4.1.2, with the repaired witnesses of lowerbound.Witness):
// for every 0 ≤ N ≤ K, K ≥ 3, some instance needs min{3N, K−2} neurons; the
// T4.1-L check verifies the witnesses' exact breakpoint counts.
//
// Upper bound, two verified constructions that beat Thm 4.1.1 by one:
//   - K ≥ 3N+2: the oriented network (construction.TwoLayerOriented) opens
//     every hinge towards a flat chord, at most 3N neurons;
//   - K ≥ 5: the minimum-breakpoint interpolant with its outer breakpoints
//     slid outwards (lowerbound.TwoLayerMin1D) uses at most K−2 neurons.
//
// So m*(N, K) = min{3N, K−2} for every K ≥ 5. This file samples instances
// in any dimension and checks that the best verified 2-layer network
// (finetune.BestTwoLayer, which verifies exactly) never needs more than min{3N, K−2};
// the finding is reported only when every sample agrees.

import (
	"fmt"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// exactTwoLayerMaxK bounds K in the samples of exactTwoLayerFinding.
const exactTwoLayerMaxK = 40

func exactTwoLayerFinding(cfg Config) []Finding {
	return exactTwoLayerFindingWith(cfg, bounds.Thm41Lower)
}

// exactTwoLayerFindingWith checks the claimed exact value bound(N, K) as an
// upper bound on samples; tests plant a wrong one.
func exactTwoLayerFindingWith(cfg Config, bound func(N, K int) int) []Finding {
	sampled := 0
	var failure string
	out := search.Run("T4.1-U/exact", func(t *rapid.T) {
		in := props.Instance(props.InstanceOptions{MinK: 5, MaxK: exactTwoLayerMaxK, MaxD: 4}).Draw(t, "problem").Inst
		b, _, err := finetune.BestTwoLayer(in)
		if err != nil {
			failure = err.Error()
			t.Fatal(err)
		}
		sampled++
		if want := bound(in.N(), in.K()); b.Neurons > want {
			failure = fmt.Sprintf("K=%d N=%d: best verified network %s has %d > min{3N, K−2} = %d", in.K(), in.N(), b.Name, b.Neurons, want)
			t.Fatal(failure)
		}
	})
	if out.Failed || cfg.Expired() {
		return nil
	}
	return []Finding{{Kind: FindBeyondPaper, Reproduce: tlReproduce("T4.1-U", cfg), Text: fmt.Sprintf(
		"The 2-layer fine-tuning capacity is determined exactly: m*(N, K) = min{3N, K−2} for every K ≥ 5, so Thm 4.1 is tight at its lower bound and its upper bound min{3N+1, K−1} is loose by one everywhere. "+
			"Lower: the witnesses of T4.1-L force min{3N, K−2} breakpoints (exact). Upper: the oriented network (≤ 3N when K ≥ 3N+2) and the slid minimum-breakpoint interpolant (≤ K−2 when K ≥ 5, lowerbound/slide.go); "+
			"the best of the verified 2-layer networks stayed within min{3N, K−2} on all %d sampled instances (K 5..%d, d 1..4, exact verification). "+
			"For K = 3, 4 the exact case analysis of lowerbound.TwoLayerExact1D finds instances needing K−1 (e.g. z = (0, 1, 0)), so there m* = K−1 at some N. %s",
		sampled, exactTwoLayerMaxK, priorExactTwoLayer)}}
}
