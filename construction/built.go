package construction

import (
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Built is a network a construction produced for one instance, with what a
// reviewer needs to judge it against the paper. The oracle verifies Net;
// nothing in this type claims it is correct.
type Built struct {
	Name    string          // construction: "T4.4", "U1", "U2", "U3", "A", "P6.1"
	Net     *oracle.Network // the network g, after any pruning
	Neurons int             // hidden ReLU neurons of Net (m)
	Widths  []int           // hidden widths of Net
	// Unpruned is the neuron count as the paper's construction builds it,
	// before removing neurons that contribute nothing (equal to Neurons when
	// the construction does not prune).
	Unpruned int
	// Scale is the factor the targets were divided by to bring them into
	// [−1, 1] (1 when no rescaling was needed); the output layer multiplies
	// it back.
	Scale *big.Rat
	Notes []string // rescaling, rounding of widths, gadget costs, …
}

// NewBuilt fills the counts of a Built from its network.
func NewBuilt(name string, net *oracle.Network, unpruned int, notes ...string) *Built {
	return &Built{
		Name: name, Net: net, Neurons: net.Hidden(), Widths: net.Widths(),
		Unpruned: unpruned, Scale: big.NewRat(1, 1), Notes: notes,
	}
}
