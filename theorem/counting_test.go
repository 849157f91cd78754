package theorem

import (
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestCountingFindingsStable: the findings are the same bytes on every run
// with the same seed, four per depth, none of them a counterexample.
func TestCountingFindingsStable(t *testing.T) {
	cfg := Config{Seed: 1, Checks: 20}
	for _, depth := range []int{2, 3} {
		a, b := countingFindings(cfg, depth), countingFindings(cfg, depth)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("depth %d: two runs differ", depth)
		}
		if len(a) != 4 {
			t.Fatalf("depth %d: %d findings, want 4", depth, len(a))
		}
		for _, f := range a {
			if f.Kind != FindBeyondPaper {
				t.Errorf("depth %d: %s finding: %s", depth, f.Kind, f.Text)
			}
			if want := lbReproduce(map[int]string{2: "T4.1-L", 3: "T5.1-L"}[depth], cfg); f.Reproduce != want {
				t.Errorf("depth %d: reproduce %q, want %q", depth, f.Reproduce, want)
			}
		}
	}
}

// TestCountingTableByHand: the table's numbers, worked out by hand.
// Depth 2 on a line: 2m+1 ≥ 1000 needs m = 500; for r = 10, 11m+1 ≥ 1000
// needs m = 91 (11·90+1 = 991). Depth 3 on a line: (d1+1)(d2+1) ≥ 1000
// needs 62 (31·32 = 992 < 1000 ≤ 32·32); r = 10, N = 100: 9×1 gives
// 90+9+1+1 = 101, and m = 9 gives at most 8·10+8+1+1 = 90. The paper's
// bounds at N = 100, K = 302: 300 and 301; √(600.25) − 1/2 = 24.
func TestCountingTableByHand(t *testing.T) {
	two := countingTableFinding(2, "r").Text
	for _, want := range []string{
		"N=1000: counting m ≥ 500 on a line (r = 1), ≥ 91 for r = 10",
		"N=100: counting m ≥ 50 on a line (r = 1), ≥ 9 for r = 10; paper lower min{3N, K−2} = 300 (1-D witnesses), upper min{3N+1, K−1} = 301",
	} {
		if !strings.Contains(two, want) {
			t.Errorf("depth 2 table lacks %q:\n%s", want, two)
		}
	}
	three := countingTableFinding(3, "r").Text
	for _, want := range []string{
		"N=1000: counting m ≥ 62 (", "N=100: counting m ≥ 18 (9×9) on a line (r = 1), ≥ 10 (9×1) for r = 10",
		"paper lower ⌈√(2M+1/4) − 1/2⌉ = 24 (M = 300;",
	} {
		if !strings.Contains(three, want) {
			t.Errorf("depth 3 table lacks %q:\n%s", want, three)
		}
	}
}

// TestCountingConstructionCatches: with the bound planted 1000 parameters
// higher, every verified construction falls below it and the finding is a
// counterexample with the instance attached; with the true bound none does.
func TestCountingConstructionCatches(t *testing.T) {
	cfg := Config{Seed: 3, Checks: 20}
	f := countingConstructionFinding(cfg, 2, "r", func(N int) int { return N + 1000 })
	if f.Kind != FindCounterexample || f.Instance == nil || !strings.Contains(f.Text, "P_eff = ") {
		t.Errorf("planted bound not caught: %s: %s", f.Kind, f.Text)
	}
	g := countingConstructionFinding(cfg, 2, "r", func(N int) int { return N })
	if g.Kind != FindBeyondPaper || strings.Contains(g.Text, "not built") {
		t.Errorf("true bound: %s: %s", g.Kind, g.Text)
	}
}

// TestGenericInstance: distinct samples, exactly N nonzero targets in
// [−1, 1], and the affine dimension of the samples as drawn.
func TestGenericInstance(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range countingCases {
		in := genericInstance(r, c.K, c.d, c.N)
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
		if in.N() != c.N || in.Dim() != c.d {
			t.Errorf("%+v: N = %d, d = %d", c, in.N(), in.Dim())
		}
		for _, z := range in.Z {
			if z.Cmp(big.NewRat(1, 1)) > 0 || z.Cmp(big.NewRat(-1, 1)) < 0 {
				t.Errorf("%+v: target %s outside [−1, 1]", c, z.RatString())
			}
		}
	}
	line := [][]*big.Rat{{big.NewRat(0, 1), big.NewRat(1, 1)}, {big.NewRat(2, 1), big.NewRat(3, 1)}, {big.NewRat(4, 1), big.NewRat(5, 1)}}
	if got := affineDim(line); got != 1 {
		t.Errorf("three points on a line in ℝ²: affine dimension %d, want 1", got)
	}
	line[2][1] = big.NewRat(6, 1)
	if got := affineDim(line); got != 2 {
		t.Errorf("three points off a line: affine dimension %d, want 2", got)
	}
}

// TestTrainedFinding: the S7 finding sets docs/fig9.csv's depth-3 row at
// N = 100 (least m 16, 16, 15 with 169, 169, 159 parameters) beside the
// counting bound 10 computed by hand above.
func TestTrainedFinding(t *testing.T) {
	f := trainedFinding(3, "r").Text
	if strings.Contains(f, "not set beside") {
		t.Skip("docs/fig9.csv not available: " + f)
	}
	if want := "N=100: trained 16 (P = 169), 16 (P = 169), 15 (P = 159); counting (exact targets, r = 10) m ≥ 10 (9×1)"; !strings.Contains(f, want) {
		t.Errorf("lacks %q:\n%s", want, f)
	}
}
