package drive

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/oracle"
)

// Site is what a Fault sees: the case, and what the Part's Build returned.
type Site struct {
	Ctx     context.Context
	Case    Case
	Nets    []*construction.Built
	Err     error
	Limit   func(*construction.Built) (int, bool) // the Part's Limit at this case, ok false when it has none
	Measure func(*construction.Built) int         // what the Limit bounds
}

// A Fault perturbs what a Part's Build returned before the driver checks it.
// Faults plant the bugs a reviewer would plant by hand into a construction,
// so that a test can show that none of them becomes Holds.
type Fault func(*Site) ([]*construction.Built, error)

// NamedFault is a Fault with a name for test output.
type NamedFault struct {
	Name  string
	Fault Fault
	// Stops is true for faults that must end in Inconclusive (a build that
	// never returns), false for those that must end in Counterexample.
	Stops bool
}

// Faults are the planted bugs of the fault suite: each must turn a claim
// whose check builds networks into Counterexample (or Inconclusive for the
// build that never returns), never Holds.
var Faults = []NamedFault{
	{Name: "panic when N ≥ 2", Fault: PanicWhenChanged(2)},
	{Name: "output bias off by 2⁻⁴⁰", Fault: WeightOff},
	{Name: "one neuron fewer", Fault: NeuronFewer},
	{Name: "count one above the limit", Fault: CountAbove},
	{Name: "error returned when N ≥ 1", Fault: ErrorWhenChanged(1)},
	{Name: "build never returns before the deadline", Fault: Hang, Stops: true},
}

// PanicWhenChanged panics on every case with at least n changed samples.
func PanicWhenChanged(n int) Fault {
	return func(s *Site) ([]*construction.Built, error) {
		if s.Case.FT.Inst.N() >= n {
			panic(fmt.Sprintf("planted panic at N = %d", s.Case.FT.Inst.N()))
		}
		return s.Nets, s.Err
	}
}

// ErrorWhenChanged returns an error on every case with at least n changed
// samples.
func ErrorWhenChanged(n int) Fault {
	return func(s *Site) ([]*construction.Built, error) {
		if s.Case.FT.Inst.N() >= n {
			return nil, errors.New("planted error")
		}
		return s.Nets, s.Err
	}
}

// WeightOff adds 2⁻⁴⁰ to the output bias of every network.
func WeightOff(s *Site) ([]*construction.Built, error) {
	return mapNets(s, func(n *oracle.Network) {
		b := n.Layers[len(n.Layers)-1].B
		b[0].Add(b[0], new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 40)))
	})
}

// NeuronFewer removes the last neuron of the last hidden layer of every
// network whose last hidden layer has two neurons or more (removing the only
// one would leave no valid network, which is a different fault).
func NeuronFewer(s *Site) ([]*construction.Built, error) {
	return mapNets(s, func(n *oracle.Network) {
		L := len(n.Layers)
		if L < 2 || len(n.Layers[L-2].W) < 2 {
			return
		}
		h := &n.Layers[L-2]
		k := len(h.W) - 1
		h.W, h.B = h.W[:k], h.B[:k]
		for r := range n.Layers[L-1].W {
			n.Layers[L-1].W[r] = n.Layers[L-1].W[r][:k]
		}
	})
}

// CountAbove pads the last hidden layer of every network with dead neurons
// (zero weights, zero bias: σ(0) = 0, so the function is unchanged) until
// its measure (hidden neurons, or the largest width) is above the Part's
// limit. Networks without a hidden layer,
// or parts without a limit, are left as they are.
func CountAbove(s *Site) ([]*construction.Built, error) {
	if s.Err != nil {
		return s.Nets, s.Err
	}
	out := make([]*construction.Built, len(s.Nets))
	for i, b := range s.Nets {
		lim, ok := s.Limit(b)
		n := b.Net.Clone()
		L := len(n.Layers)
		for pad := 0; ok && L >= 2 && s.Measure(rebuilt(b, n)) <= lim && pad <= lim+1; pad++ {
			h := &n.Layers[L-2]
			h.W = append(h.W, oracle.Zeros(h.In()))
			h.B = append(h.B, new(big.Rat))
			for r := range n.Layers[L-1].W {
				n.Layers[L-1].W[r] = append(n.Layers[L-1].W[r], new(big.Rat))
			}
		}
		out[i] = rebuilt(b, n)
	}
	return out, nil
}

// Hang blocks until the deadline, then returns what Build returned: a build
// that never returns before the deadline. Without a deadline it returns at
// once (there is nothing to wait for).
func Hang(s *Site) ([]*construction.Built, error) {
	if s.Ctx != nil {
		<-s.Ctx.Done()
	}
	return s.Nets, s.Err
}

// mapNets applies edit to a clone of every network.
func mapNets(s *Site, edit func(*oracle.Network)) ([]*construction.Built, error) {
	if s.Err != nil {
		return s.Nets, s.Err
	}
	out := make([]*construction.Built, len(s.Nets))
	for i, b := range s.Nets {
		n := b.Net.Clone()
		edit(n)
		out[i] = rebuilt(b, n)
	}
	return out, nil
}

func rebuilt(b *construction.Built, n *oracle.Network) *construction.Built {
	c := *b
	c.Net, c.Neurons, c.Widths = n, n.Hidden(), n.Widths()
	return &c
}
