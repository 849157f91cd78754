package finetune

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// countVerify replaces the package's verification with one that counts its
// calls per network, for the duration of the test.
func countVerify(t *testing.T) map[*oracle.Network]int {
	t.Helper()
	calls := map[*oracle.Network]int{}
	old := verify
	verify = func(g, f *oracle.Network, X [][]*big.Rat, Y []*big.Rat) (*oracle.Certificate, error) {
		calls[g]++
		return old(g, f, X, Y)
	}
	t.Cleanup(func() { verify = old })
	return calls
}

// fig3 is the paper's Fig. 3 instance on the line x_i = i (K = 9, N = 4).
func fig3() *instance.Instance {
	return instance.OnLine(oracle.Rats(1, 2, 3, 4, 5, 6, 7, 8, 9), oracle.Rats(0, -1, 0, 2, 0, -1, 0, 2, 0))
}

// broken builds c's network with the first output weight off by 10⁻⁹, under
// the given name: as small as c's, wrong at every sample the first hidden
// unit is active on.
func broken(name string, c func(*instance.Instance) (*construction.Built, error)) Candidate {
	return Candidate{name, func(in *instance.Instance) (*construction.Built, error) {
		b, err := c(in)
		if err != nil {
			return nil, err
		}
		net := b.Net.Clone()
		w := net.Layers[len(net.Layers)-1].W[0]
		w[0] = new(big.Rat).Add(w[0], big.NewRat(1, 1000000000))
		return construction.NewBuilt(name, net, b.Unpruned), nil
	}}
}

// fixed is a candidate that returns b whatever the instance.
func fixed(name string, b *construction.Built) Candidate {
	return Candidate{name, func(*instance.Instance) (*construction.Built, error) { return b, nil }}
}

// TestSmallestVerifiedFirst: listed largest first, the candidates are
// verified smallest first; the first that passes is returned and nothing
// larger is verified. The counts come from the constructions' own networks
// (U1 on Fig. 3 is far larger than Thm 4.4's pruned network).
func TestSmallestVerifiedFirst(t *testing.T) {
	in := fig3()
	big3, _ := construction.U1(in)
	small, _ := construction.TwoLayer(in)
	if big3.Neurons <= small.Neurons {
		t.Fatalf("fixture: U1 %d ≤ T4.4 %d", big3.Neurons, small.Neurons)
	}
	calls := countVerify(t)
	r, err := Smallest(in, 2, Options{Candidates: func(int) []Candidate {
		return []Candidate{fixed("big", big3), fixed("small", small)}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "small" || r.Built != small || r.Cert.Rows != 9 {
		t.Fatalf("chose %s (%d neurons), cert %+v", r.Name, r.Neurons, r.Cert)
	}
	if calls[small.Net] != 1 || calls[big3.Net] != 0 {
		t.Fatalf("verifications: small %d, big %d", calls[small.Net], calls[big3.Net])
	}
	want := []Try{{Name: "small", Neurons: small.Neurons, Outcome: Verified}, {Name: "big", Neurons: big3.Neurons, Outcome: NotVerified}}
	if len(r.Tried) != 2 || r.Tried[0] != want[0] || r.Tried[1] != want[1] {
		t.Fatalf("tried %v, want %v", r.Tried, want)
	}
}

// smallestTwoLayer builds every 2-layer candidate and returns the one with
// the fewest neurons, unverified (a test's stand-in for "the best").
func smallestTwoLayer(in *instance.Instance) (*construction.Built, error) {
	var best *construction.Built
	for _, c := range Candidates(2) {
		b, err := c.Build(in)
		if err != nil {
			return nil, err
		}
		if best == nil || b.Neurons < best.Neurons {
			best = b
		}
	}
	return best, nil
}

// TestPlantedBrokenSkipped: a broken candidate as small as the best one and
// listed first is verified first, fails, is reported with its first wrong
// row, and is never returned; the next smallest is. When every candidate is
// broken, Smallest fails with all of them listed.
func TestPlantedBrokenSkipped(t *testing.T) {
	in := fig3()
	cands := func(int) []Candidate {
		return append([]Candidate{broken("broken", smallestTwoLayer)}, Candidates(2)...)
	}
	r, err := Smallest(in, 2, Options{Candidates: cands})
	if err != nil {
		t.Fatal(err)
	}
	f := Failures(r.Tried)
	if r.Name == "broken" || len(f) != 1 || f[0].Name != "broken" || f[0].Mismatch == nil || r.Tried[0].String() != "broken=FAILED" {
		t.Fatalf("chose %s, failures %v, tried %v", r.Name, f, r.Tried)
	}
	if _, err := in.Verify(r.Net); err != nil {
		t.Fatalf("returned network does not verify: %v", err)
	}
	allBroken := func(int) []Candidate {
		return []Candidate{broken("b1", construction.TwoLayer), broken("b2", construction.TwoLayerOriented)}
	}
	_, err = Smallest(in, 2, Options{Candidates: allBroken})
	var nv *NotVerifiedError
	if !errors.As(err, &nv) || len(Failures(nv.Tried)) != 2 || !strings.Contains(err.Error(), "b1=FAILED") {
		t.Fatalf("all broken: %v", err)
	}
}

// TestEachCandidateVerifiedOnce: at depth 3 the lifted 2-layer candidate is
// built without verifying anything, so when every candidate but the largest
// is broken, each is verified exactly once; and on an ordinary instance one
// verification suffices (the smallest passes).
func TestEachCandidateVerifiedOnce(t *testing.T) {
	in := fig3()
	calls := countVerify(t)
	r, err := Smallest(in, 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range calls {
		total += n
	}
	if total != 1 || calls[r.Net] != 1 {
		t.Fatalf("%d verifications for %s (want 1)", total, r.Name)
	}
	for k := range calls {
		delete(calls, k)
	}
	var cands []Candidate
	for _, c := range Candidates(3) {
		cands = append(cands, broken(c.Name, c.Build))
	}
	cands = append(cands, Candidate{"A-last", func(in *instance.Instance) (*construction.Built, error) {
		b, err := construction.AppendixA(in)
		if err != nil {
			return nil, err
		}
		return construction.NewBuilt("A-last", b.Net, b.Unpruned), nil
	}})
	r, err = Smallest(in, 3, Options{Candidates: func(int) []Candidate { return cands }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(Failures(r.Tried))+1 || len(r.Tried) != len(cands) {
		t.Fatalf("%d networks verified, %d failures, tried %v", len(calls), len(Failures(r.Tried)), r.Tried)
	}
	for g, n := range calls {
		if n != 1 {
			t.Fatalf("a network (%d neurons) was verified %d times", g.Hidden(), n)
		}
	}
}

// TestSmallestWithBase: with a frozen f, Smallest verifies f+g against the
// labels y; the chosen g makes f+g hit every label (checked here with the
// reference evaluation), and its m is within Thm 4.1.1's min{3N+1, K−1}.
func TestSmallestWithBase(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: 10, MaxD: 3}).Draw(t, "problem")
		for _, depth := range []int{2, 3} {
			r, err := Smallest(ft.Inst, depth, Options{Base: ft.F, Y: ft.Y})
			if err != nil {
				t.Fatalf("depth %d: %v", depth, err)
			}
			for i, x := range ft.Inst.X {
				if got := new(big.Rat).Add(ft.F.Eval(x), r.Net.Eval(x)); got.Cmp(ft.Y[i]) != 0 {
					t.Fatalf("depth %d, %s: (f+g)(x_%d) = %s, want %s", depth, r.Name, i+1, got.RatString(), ft.Y[i].RatString())
				}
			}
			if N, K := ft.Inst.N(), ft.Inst.K(); depth == 2 && r.Neurons > min(3*N+1, K-1) {
				t.Fatalf("2-layer m = %d > min{3N+1, K−1}", r.Neurons)
			}
		}
	})
}

// TestBestTwoLayer: on Fig. 3's instance the best verified network has at
// most the oriented variant's K−2 = 7 neurons (derived by hand in the
// construction Example) and at least R, the exact minimum breakpoint count
// (lowerbound, an independent algorithm); it verifies exactly. K = 2 gives
// the constructions' typed error.
func TestBestTwoLayer(t *testing.T) {
	in := fig3()
	b, cert, err := BestTwoLayer(in)
	if err != nil {
		t.Fatal(err)
	}
	R, err := lowerbound.MinBreakpoints(oracle.Rats(1, 2, 3, 4, 5, 6, 7, 8, 9), in.Z)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Verify(b.Net); err != nil || cert.Rows != 9 || b.Neurons > 7 || b.Neurons < R {
		t.Fatalf("best %s with %d neurons (R = %d): %v", b.Name, b.Neurons, R, err)
	}
	var se *construction.SizeError
	_, _, err = BestTwoLayer(instance.OnLine(oracle.Rats(1, 2), oracle.Rats(0, 1)))
	var nc *NoCandidateError
	if !errors.As(err, &nc) || !errors.As(err, &se) {
		t.Fatalf("K = 2: %v", err)
	}
}

// TestCandidatesDepth: depths other than 2 and 3 are a programming error.
func TestCandidatesDepth(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.HasPrefix(r.(string), "finetune: Candidates") {
			t.Fatalf("recovered %v", r)
		}
	}()
	Candidates(4)
}
