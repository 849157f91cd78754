package theorem

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// TestTwoLayerClaimsHold: the eight Sec. 3–4 claims of this file set hold
// with evidence, and report the findings derived by hand from the paper: the
// printed Lemma 4.5 step fails on three points, Def. 4.3's literal clause and
// Lemma 4.6's printed formula are wrong, and 3N+1 is loose for K ≥ 3N+2
// (followed by the exact value of m*, sec4_upper_exact.go).
func TestTwoLayerClaimsHold(t *testing.T) {
	search.Configure(17, 25)
	want := map[string]FindingKind{"L4.5": FindProofStep, "D4.3": FindProofStep, "L4.6": FindProofStep, "T4.1-U": FindLooseBound}
	for _, id := range []string{"T4.4", "T4.1-U", "L4.5", "D4.3", "L4.6", "L4.7", "D1.1=D3.1", "R1"} {
		c, ok := Lookup(id)
		if !ok || c.Check == nil {
			t.Fatalf("%s not registered", id)
		}
		r := Run(c, Config{Ctx: context.Background(), Seed: 17, Checks: 25})
		if r.Verdict != Holds || r.Checked == 0 || r.Evidence == "" {
			t.Fatalf("%s: %s (%d checked): %s %+v", id, r.Verdict, r.Checked, r.Evidence, r.Findings)
		}
		kind, expect := want[id]
		got := len(r.Findings)
		if id == "T4.1-U" && got == 2 && r.Findings[1].Kind == FindBeyondPaper {
			got = 1 // the exact-capacity finding of sec4_upper_exact.go
		}
		if (expect && (got != 1 || r.Findings[0].Kind != kind)) || (!expect && got != 0) {
			t.Fatalf("%s: findings %+v", id, r.Findings)
		}
		if id == "L4.5" && r.Findings[0].Instance.K != 3 {
			t.Fatalf("L4.5 proof step not shrunk to 3 points: %+v", r.Findings[0].Instance)
		}
	}
}

// dropKept plants a bug: the first changed sample is left out of J.
func dropKept(in *instance.Instance) (*construction.Built, error) {
	p, err := construction.PlanTwoLayer(in)
	if err != nil || len(p.T) == 0 {
		return construction.TwoLayer(in)
	}
	var w, z []*big.Rat
	for i := range p.J {
		if p.J[i] != p.T[0] {
			w, z = append(w, p.W[i]), append(z, p.Z[i])
		}
	}
	h, err := construction.Interpolate(w, z)
	if err != nil {
		return nil, err
	}
	return construction.NewBuilt("drop-kept", h.Network(p.Proj.A), h.Len()), nil
}

// mutate plants a bug in TwoLayer's network.
func mutate(edit func(n *oracle.Network)) builder {
	return func(in *instance.Instance) (*construction.Built, error) {
		b, err := construction.TwoLayer(in)
		if err != nil || b.Net.Depth() != 2 {
			return b, err
		}
		n := b.Net.Clone()
		edit(n)
		return construction.NewBuilt("mutant", n, b.Unpruned), nil
	}
}

// TestTwoLayerPlantedBugsCaught: each planted bug makes the T4.1-U property
// fail, and rapid shrinks the failure to an instance with at most 4 samples.
func TestTwoLayerPlantedBugsCaught(t *testing.T) {
	search.Configure(5, 100)
	shift := mutate(func(n *oracle.Network) { n.Layers[0].B[0].Sub(n.Layers[0].B[0], big.NewRat(1, 2)) })
	fewer := mutate(func(n *oracle.Network) {
		l := len(n.Layers[0].W) - 1
		n.Layers[0].W, n.Layers[0].B = n.Layers[0].W[:l], n.Layers[0].B[:l]
		n.Layers[1].W[0] = n.Layers[1].W[0][:l]
		if l == 0 { // no hidden neuron left: keep a valid affine network
			*n = *oracle.Zero(len(n.Layers[0].W))
		}
	})
	planted := map[string]drive.Part{
		"drop a kept point":  t41UPart("drop", bounds.Thm41Upper, "min{3N+1, K−1}", tlLayoutK, 12, dropKept),
		"shift a breakpoint": t41UPart("shift", bounds.Thm41Upper, "min{3N+1, K−1}", tlLayoutK, 12, shift),
		"one neuron fewer":   t41UPart("fewer", bounds.Thm41Upper, "min{3N+1, K−1}", tlLayoutK, 12, fewer),
		"bound minus one": t41UPart("minus", func(N, K int) int { return bounds.Thm41Upper(N, K) - 1 }, "min{3N+1, K−1} − 1", tlLayoutK, 12,
			construction.TwoLayer),
		"T4.4 bound minus one": t44Part(construction.TwoLayerPaper, construction.TwoLayer,
			func(K int, T []int) int { return eq12Bound(K, T) - 1 }, tlLayoutK, 12),
	}
	for name, p := range planted {
		p.Grid = nil // rapid alone must find and shrink it
		o := drive.Run(Config{}, p)
		if o.Fail == nil {
			t.Fatalf("%s: not caught (%s)", name, o.Verdict())
		}
		if K := o.Fail.Case.FT.Inst.K(); K > 4 {
			t.Fatalf("%s: shrunk only to K = %d: %s", name, K, o.Fail.Msg)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestLemmaPlantedBoundsCaught: L4.7 with K−3N−1 instead of K−3N−2 and L4.6
// with |[K]∖I| instead of |[K]∖I|+1 are false, and rapid finds and shrinks
// each to a small K.
func TestLemmaPlantedBoundsCaught(t *testing.T) {
	search.Configure(9, 200)
	l47 := func(K int, T []int) error {
		s := 0
		for _, P := range construction.ConsecutivePartition(construction.Complement(K, 1, T)) {
			s += max(len(P)-2, 0)
		}
		if s < max(K-3*len(T)-1, 0) {
			return errString("Σ < K−3N−1")
		}
		return nil
	}
	l46 := func(K int, I []int) error {
		if len(construction.ConsecutivePartition(I)) > min(len(I), K-len(I)) {
			return errString("|P(I)| > |[K]∖I|")
		}
		return nil
	}
	for name, f := range map[string]func(int, []int) error{"L4.7 minus one": l47, "L4.6 minus one": l46} {
		found := subsetRun(Config{}, name, f)
		last := found.Msg
		if found.Fail == nil || !strings.HasPrefix(last, "K = ") {
			t.Fatalf("%s: not caught (%s)", name, last)
		}
		var K int
		if _, err := fmt.Sscanf(last, "K = %d", &K); err != nil || K > 4 {
			t.Fatalf("%s: shrunk to %q", name, last)
		}
	}
}

// offByOne plants a bug: g is built for targets with z_1 increased by 1, so
// it cannot fine-tune (x, z) whatever f is.
func offByOne(in *instance.Instance) (*construction.Built, error) {
	z := append([]*big.Rat(nil), in.Z...)
	z[0] = new(big.Rat).Add(z[0], big.NewRat(1, 1))
	return construction.TwoLayer(&instance.Instance{X: in.X, Z: z})
}

// TestDefsPlantedBugsCaught: the D1.1=D3.1 and R1 checks fail, and are
// shrunk to small instances, when g is built for wrong targets.
func TestDefsPlantedBugsCaught(t *testing.T) {
	search.Configure(13, 100)
	for _, p := range []drive.Part{d11Part(offByOne, new(int)), r1Part(offByOne)} {
		o := drive.Run(Config{}, p)
		if o.Fail == nil || !strings.Contains(o.Fail.Msg, "row 1") {
			t.Fatalf("%s: planted bug not caught: %s", p.Name, o.Verdict())
		}
		if K := o.Fail.Case.FT.Inst.K(); K > 3 {
			t.Fatalf("%s: shrunk only to K = %d", p.Name, K)
		}
	}
}
