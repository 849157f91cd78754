package theorem

import (
	"context"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/theorem/drive"
)

// TestFigures: F holds at a small budget, with the five proof-step
// findings derived by hand: eq. 27 fails for windows 1 and 3 of Fig. 8
// (x_5, x_6, x_8 all clipped alike), Fig. 3's instance has R = 5 (two turns
// share a breakpoint between samples: pieces 6 < 8), eq. 13's m ≤ K against
// eq. 12's K−1 at K = 3, x_i defined on [N] only, and 4N+4 against
// 6√(3N+2) (16·49 = 784 > 36·20 = 720 at N = 6, 576 < 612 at N = 5).
func TestFigures(t *testing.T) {
	res := Run(Claim{ID: "F", Check: checkF}, Config{Ctx: context.Background(), Seed: 1, Checks: 10})
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	want := []string{"fails for j ∈ {1, 3}", "least number of breakpoints is R = 5", "'it suffices to prove m ≤ K'",
		"x_3 is undefined already at N = 1, K = 5", "the smaller for N < 6 and the larger from N = 6"}
	if len(res.Findings) != len(want) {
		t.Fatalf("%d findings, want %d: %+v", len(res.Findings), len(want), res.Findings)
	}
	for i, w := range want {
		if fd := res.Findings[i]; fd.Kind != FindProofStep || !strings.Contains(fd.Text, w) {
			t.Errorf("finding %d: %s %q, want a proof step containing %q", i+1, fd.Kind, fd.Text, w)
		}
	}
}

// TestFigureFactsCanFail plants one wrong fact into each figure's stated
// data (a swapped sample, a flipped sign, a wrong set) and asserts that the
// part then fails on the paper's own instance: the checks read the built
// networks, not the tables they are compared with.
func TestFigureFactsCanFail(t *testing.T) {
	plant := []struct {
		name string
		part func() drive.Part
		set  func() (undo func())
	}{
		{"Fig. 6 unit sets", figYunPart, func() func() {
			fig6Units[0][1], fig6Units[1][1] = fig6Units[1][1], fig6Units[0][1]
			return func() { fig6Units[0][1], fig6Units[1][1] = fig6Units[1][1], fig6Units[0][1] }
		}},
		{"Fig. 8 windows", figU3Part, func() func() {
			fig8Groups[1][2], fig8Groups[2][0] = fig8Groups[2][0], fig8Groups[1][2]
			return func() { fig8Groups[1][2], fig8Groups[2][0] = fig8Groups[2][0], fig8Groups[1][2] }
		}},
		{"Fig. 8 units", figU3Part, func() func() {
			fig8Units[0][2], fig8Units[1][2] = fig8Units[1][2], fig8Units[0][2]
			return func() { fig8Units[0][2], fig8Units[1][2] = fig8Units[1][2], fig8Units[0][2] }
		}},
		{"Fig. 10 S", figAppendixPart, func() func() {
			fig10S[2] = 6
			return func() { fig10S[2] = 5 }
		}},
		{"eq. 34 example sign", figAppendixPart, func() func() {
			fig10K[2][4] = -fig10K[2][4]
			return func() { fig10K[2][4] = -fig10K[2][4] }
		}},
		{"Fig. 10 groups", figAppendixPart, func() func() {
			fig10Groups[2] = append(fig10Groups[2], 7)
			return func() { fig10Groups[2] = fig10Groups[2][:2] }
		}},
	}
	for _, p := range plant {
		undo := p.set()
		o := drive.Run(Config{Ctx: context.Background(), Seed: 1, Checks: 10}, p.part())
		undo()
		if o.Fail == nil {
			t.Errorf("%s: a wrong fact passed (%d cases)", p.name, o.Passed())
		}
	}
	for _, p := range []func() drive.Part{figTwoLayerPart, figYunPart, figU3Part, figAppendixPart} {
		if o := drive.Run(Config{Ctx: context.Background(), Seed: 1, Checks: 10}, p()); o.Fail != nil || o.Passed() == 0 {
			t.Fatalf("%s after the plants were undone: %+v", o.Part, o.Fail)
		}
	}
}

// TestFigureEquationsCanFail: the grid check reports a planted wrong
// identity at its first point; the paper's identities pass on a small grid.
func TestFigureEquationsCanFail(t *testing.T) {
	if n, fail := overNK(20, func(N, K int) (int, int) { return K - 1 - max(K-3*N-1, 0), min(3*N+1, K-1) }); fail == "" {
		t.Fatalf("eq. with K−3N−1 for K−3N−2 passed %d points", n)
	} else if !strings.Contains(fail, "N = 0, K = 3") {
		t.Errorf("first failure %q, want N = 0, K = 3 (2 − 1 ≠ 2)", fail)
	}
	for _, e := range figEquations {
		if n, fail := e.at(40); fail != "" || n == 0 {
			t.Errorf("%s: %d points, %q", e.name, n, fail)
		}
	}
}
