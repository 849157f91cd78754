package theorem

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// pruneOnFirstOutput is a planted bug: the shared network with every
// neuron dropped whose weight in output 1 is zero (another output may need
// it).
func pruneOnFirstOutput(v *instance.Vector) (*construction.Built, error) {
	b, err := construction.TwoLayerVectorPaper(v)
	if err != nil {
		return nil, err
	}
	n := b.Net.Clone()
	l1, l2 := &n.Layers[0], &n.Layers[1]
	var keep []int
	for k := range l1.W {
		if l2.W[0][k].Sign() != 0 {
			keep = append(keep, k)
		}
	}
	if len(keep) == 0 {
		keep = []int{0} // a valid network: the bug is in the other outputs
	}
	var h oracle.Layer
	out := make([][]*big.Rat, len(l2.W))
	for _, k := range keep {
		h.W, h.B = append(h.W, l1.W[k]), append(h.B, l1.B[k])
		for c := range out {
			out[c] = append(out[c], l2.W[c][k])
		}
	}
	n.Layers = []oracle.Layer{h, {W: out, B: l2.B}}
	return construction.NewBuilt("planted", n, b.Unpruned), nil
}

// lastOutputOff is a planted bug: the shared network with the last
// output's first weight off by 1/3.
func lastOutputOff(v *instance.Vector) (*construction.Built, error) {
	b, err := construction.TwoLayerVector(v)
	if err != nil {
		return nil, err
	}
	n := b.Net.Clone()
	last := n.Layers[len(n.Layers)-1]
	w := last.B[len(last.B)-1]
	if len(n.Layers) == 2 {
		w = last.W[len(last.W)-1][0]
	}
	w.Add(w, big.NewRat(1, 3))
	return construction.NewBuilt("planted", n, b.Unpruned), nil
}

// TestVPlantedBugsCaught: the claim's parts with a planted construction (a
// neuron pruned because output 1 does not use it; one output weight off)
// end in a counterexample whose finding rebuilds, through CaseOf, a case
// that fails again with the bug and passes with the real construction.
func TestVPlantedBugsCaught(t *testing.T) {
	cfg := Config{Seed: 1, Checks: 20}
	for name, bug := range map[string]vectorBuilder{"prune on output 1": pruneOnFirstOutput, "last output off": lastOutputOff} {
		outs := drive.RunAll(cfg, vParts(cfg, &vTally{}, bug)...)
		res := drive.Judge(cfg, "ftcheck check V", outs...)
		if res.Verdict != Counterexample || len(res.Findings) == 0 || res.Findings[0].Instance == nil {
			t.Fatalf("%s: %s: %s", name, res.Verdict, res.Evidence)
		}
		c, err := drive.CaseOf(res.Findings[0].Instance)
		if err != nil || c.Vec == nil {
			t.Fatalf("%s: CaseOf: %v (vector case %v)", name, err, c.Vec != nil)
		}
		if err := drive.Replay(cfg, vParts(cfg, &vTally{}, bug)[0], c); err == nil {
			t.Fatalf("%s: the rebuilt case passes with the bug", name)
		}
		if err := drive.Replay(cfg, vPartsOf(cfg)[0], c); err != nil {
			t.Fatalf("%s: the rebuilt case fails with the real construction: %v", name, err)
		}
		t.Logf("%s: %s", name, res.Findings[0].Text)
	}
}

// TestVHolds: the claim holds at a small budget, with its saving finding.
func TestVHolds(t *testing.T) {
	res := checkV(Config{Seed: 1, Checks: 20})
	if res.Verdict != Holds || len(res.Findings) != 1 || res.Findings[0].Kind != FindBeyondPaper {
		t.Fatalf("%s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
}
