package finetune

// The candidate constructions of each depth, in the order they are listed
// (which breaks ties between equal neuron counts).

import (
	"fmt"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
)

// Candidate is a construction that Smallest may use.
type Candidate struct {
	Name  string // short name, printed in certificates ("T4.4", "U1", …)
	Build func(*instance.Instance) (*construction.Built, error)
}

// Candidates lists the constructions of a g with depth layers, 2 or 3: the
// paper's and beyond-paper ones. It panics for any other depth.
func Candidates(depth int) []Candidate {
	switch depth {
	case 2:
		return twoLayer()
	case 3:
		return threeLayer()
	}
	panic(fmt.Sprintf("finetune: Candidates: depth %d (want 2 or 3)", depth))
}

func twoLayer() []Candidate {
	return []Candidate{
		{"T4.4", construction.TwoLayer},
		{"T4.4-oriented", construction.TwoLayerOriented},
		{"R-interpolant", construction.MinInterpolant},
	}
}

func threeLayer() []Candidate {
	return []Candidate{
		{"U1", construction.U1}, {"U2", construction.U2}, {"U3", construction.U3},
		// Appendix A with its uniform layer 2: the paper's 4N+4 ReLUs, with
		// weights of one sample's size instead of all targets' (18 312 bits and
		// 5 s to build at K = 10⁴, N = 10³; appendixa_uniform.go).
		{"A", construction.AppendixAUniform}, {"2-layer+carrier", Lifted(twoLayer())},
		{"U1-lean", construction.U1Lean},
		{"U2-one-window", func(in *instance.Instance) (*construction.Built, error) { return construction.U2Groups(in, 1) }},
		{"U3-on-T", func(in *instance.Instance) (*construction.Built, error) {
			return construction.U3With(in, construction.U3Options{OnT: true})
		}},
	}
}

// Lifted is a 3-layer construction: it builds every candidate of two, takes
// the one with the fewest neurons (the earlier on a tie) and lifts it with
// one carrier neuron (construction.Lift). It verifies nothing: the lifted
// network is verified once, like any other candidate, and equals the
// 2-layer one on the samples, so a broken 2-layer network shows up as a
// lifted one that fails. Candidates that do not build are skipped; if none
// builds, the first error is returned.
func Lifted(two []Candidate) func(*instance.Instance) (*construction.Built, error) {
	return func(in *instance.Instance) (*construction.Built, error) {
		var best *construction.Built
		var first error
		for _, c := range two {
			b, err := c.Build(in)
			if err != nil {
				if first == nil {
					first = err
				}
				continue
			}
			if best == nil || b.Neurons < best.Neurons {
				best = b
			}
		}
		if best == nil && first == nil {
			first = fmt.Errorf("finetune: Lifted: no 2-layer candidate")
		}
		if best == nil {
			return nil, first
		}
		return construction.Lift(best, in)
	}
}
