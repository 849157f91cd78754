package finetune

// Vector outputs (beyond the paper): the smallest verified g with C ≥ 1
// outputs, for a frozen f with C outputs (a classifier's logits) and K × C
// labels. The constructions whose hidden layers do not depend on the values
// z take C outputs at the count of one (construction/vector.go, N the rows
// where any output changes): at depth 2 Theorem 4.4 with one shared hidden
// layer (m ≤ min{3N+1, K−1}) and, for comparison, one network per output
// side by side; at depth 3 U2 (2⌊√K⌋ + 3N) and U2 with one group (3N + 2).
// U1, U3 and Appendix A solve their layer 2 for z and are not offered.

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// verifyVec is the exact check of every vector candidate.
var verifyVec = oracle.VerifyVec

// VectorCandidate is a construction of g with C outputs.
type VectorCandidate struct {
	Name  string
	Build func(*instance.Vector) (*construction.Built, error)
}

// VectorCandidates are the constructions of each depth for C outputs: at
// depth 2 the shared hidden layer and the stacked networks, at depth 3 U2
// with shared hidden layers (⌊√K⌋ groups, and one group).
func VectorCandidates(depth int) []VectorCandidate {
	switch depth {
	case 2:
		return []VectorCandidate{
			{"T4.4-vector", construction.TwoLayerVector},
			{"T4.4-stacked", construction.TwoLayerStacked},
		}
	case 3:
		return []VectorCandidate{
			{"U2-vector", construction.U2Vector},
			{"U2-vector[1 group]", func(v *instance.Vector) (*construction.Built, error) { return construction.U2VectorGroups(v, 1) }},
		}
	}
	return nil
}

// VectorOptions is Options for C outputs: f+g is verified against Ys
// (K × C) when Base is set, g against the instance's targets otherwise.
type VectorOptions struct {
	Base       *oracle.Network
	Ys         [][]*big.Rat
	Candidates func(depth int) []VectorCandidate // nil: VectorCandidates
}

// DepthError says that no construction of the depth takes C > 1 outputs.
type DepthError struct{ Depth, C int }

func (e *DepthError) Error() string {
	return fmt.Sprintf("no %d-layer construction takes C = %d outputs (depth 2 or 3)", e.Depth, e.C)
}

// SmallestVector is Smallest for C outputs: every candidate of the depth
// built, the one with the fewest neurons that verifies exactly on every row
// and every output returned (the earlier listed on a tie), each verified at
// most once. A failed verification's Mismatch names the row and the output.
func SmallestVector(v *instance.Vector, depth int, opt VectorOptions) (*Result, error) {
	cands := VectorCandidates
	if opt.Candidates != nil {
		cands = opt.Candidates
	}
	list := cands(depth)
	if len(list) == 0 {
		return nil, &DepthError{depth, v.Outputs()}
	}
	var built []namedBuilt
	none := &NoCandidateError{}
	for _, c := range list {
		b, err := c.Build(v)
		if err != nil {
			none.Names, none.Errs = append(none.Names, c.Name), append(none.Errs, err)
			continue
		}
		built = append(built, namedBuilt{b, c.Name})
	}
	if len(built) == 0 {
		return nil, none
	}
	sort.SliceStable(built, func(i, j int) bool { return built[i].Neurons < built[j].Neurons })
	best, _, err := smallestFirst(built, func(c namedBuilt) (*construction.Built, *oracle.Certificate, error) {
		cert, err := opt.check(v, c.Net)
		return c.Built, cert, err
	})
	return best, err
}

func (o VectorOptions) check(v *instance.Vector, g *oracle.Network) (*oracle.Certificate, error) {
	if o.Base != nil {
		return verifyVec(g, o.Base, v.X, o.Ys)
	}
	return verifyVec(g, nil, v.X, v.Z)
}
