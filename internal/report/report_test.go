package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/theorem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureClaims are stable claims whose results exercise every part of the
// renderer: a pass, a counterexample with an instance, an inconclusive check
// and a finding of every kind.
func fixtureClaims() []theorem.Claim {
	inst := &theorem.Instance{K: 8, N: 2, T: []int{3, 6},
		X: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}, {"8"}},
		Z: []string{"0", "0", "2", "0", "0", "-1/3", "0", "0"}, Params: map[string]string{"m": "5", "d": "1"}}
	return []theorem.Claim{
		{ID: "FIX-holds", Paper: "Lemma 0", Statement: "Always true.", Method: "Exhaustive over a grid.",
			Check: func(theorem.Config) theorem.Result {
				return theorem.Result{Verdict: theorem.Holds, Evidence: "All 10 grid points pass. Nothing else.", Checked: 10, Exhaustive: true,
					Findings: []theorem.Finding{{Kind: theorem.FindBeyondPaper, Text: "A sharper bound | with a pipe holds."}}}
			}},
		{ID: "FIX-false", Paper: "Thm 0", Statement: "Never true.",
			Check: func(cfg theorem.Config) theorem.Result {
				return theorem.Result{Verdict: theorem.Counterexample, Evidence: "Fails at K = 8.", Checked: 3,
					Findings: []theorem.Finding{
						{Kind: theorem.FindCounterexample, Text: "The construction misses row 6.", Instance: inst, Reproduce: ReproduceCommand("FIX-false", cfg.Seed, cfg.Checks)},
						{Kind: theorem.FindProofStep, Text: "Step 2 fails."},
						{Kind: theorem.FindLooseBound, Text: "Truth is 1 better."},
					}}
			}},
		{ID: "FIX-slow", Paper: "Cor 0", Statement: "Unknown.",
			Check: func(theorem.Config) theorem.Result {
				return theorem.Result{Verdict: theorem.Inconclusive, Evidence: "Budget ran out after 7 instances.", Checked: 7}
			}},
		{ID: "FIX-none", Paper: "Remark 0", Statement: "No check."},
	}
}

func runFixtures(t *testing.T) *Report {
	t.Helper()
	var ids []string
	for _, c := range fixtureClaims() {
		defer theorem.RegisterExtra(c)()
		ids = append(ids, c.ID)
	}
	return Run(Options{Seed: 3, Checks: 11, Only: ids})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/report -update and review the diff\ngot:\n%s", name, got)
	}
}

// TestGolden: REPORT.md and report.json of a fixed set of claims match the
// reviewed golden files byte for byte.
func TestGolden(t *testing.T) {
	rep := runFixtures(t)
	var md, js bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "fixture.REPORT.md", md.Bytes())
	golden(t, "fixture.report.json", js.Bytes())
}

// TestNotCheckedIsNotAPass: a claim without a check is listed as "not
// checked", and the inconclusive one stays inconclusive.
func TestNotCheckedIsNotAPass(t *testing.T) {
	rep := runFixtures(t)
	want := map[string]theorem.Verdict{"FIX-holds": theorem.Holds, "FIX-false": theorem.Counterexample, "FIX-slow": theorem.Inconclusive, "FIX-none": theorem.NotChecked}
	if len(rep.Claims) != len(want) {
		t.Fatalf("got %d claims, want %d", len(rep.Claims), len(want))
	}
	for _, c := range rep.Claims {
		if c.Verdict != want[c.ID] {
			t.Errorf("%s: verdict %s, want %s", c.ID, c.Verdict, want[c.ID])
		}
	}
}

// TestEverySpecClaimListed: the claim table holds every ID of SPEC.md §2
// (copied here from the SPEC, independently of the table), Remarks 3
// and 4, F (the figures and displayed equations) and V (vector outputs,
// beyond the paper), in paper order, each with a check and a cost.
func TestEverySpecClaimListed(t *testing.T) {
	spec := []string{"D1.1=D3.1", "D3.3", "R1", "T4.1-U", "T4.1-L", "R2", "C4.2", "D4.3", "T4.4", "R3", "R4",
		"L4.5", "L4.6", "L4.7", "T5.1-U", "T5.1-L", "R5", "C5.2", "A", "P6.1", "S7", "F", "V"}
	claims := theorem.Claims()
	if len(claims) != len(spec) || len(theorem.SpecIDs) != len(spec) {
		t.Fatalf("%d claims, %d IDs, want %d", len(claims), len(theorem.SpecIDs), len(spec))
	}
	for i, id := range spec {
		if claims[i].ID != id || theorem.SpecIDs[i] != id || claims[i].Check == nil || claims[i].Cost <= 0 || claims[i].Paper == "" {
			t.Fatalf("claim %d is %+v, want %s with a check, a cost and a paper label", i, claims[i].ID, id)
		}
	}
}

// TestLaunchOrder: claims start costliest first, ties in paper order.
func TestLaunchOrder(t *testing.T) {
	claims := []theorem.Claim{{ID: "a", Cost: 2}, {ID: "b", Cost: 5}, {ID: "c", Cost: 2}, {ID: "d", Cost: 9}, {ID: "e"}}
	ts, _ := tasks(claims)
	got := launchOrder(ts)
	want := []int{3, 1, 0, 2, 4}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("launch order %v, want %v", got, want)
	}
}

// TestTimeoutIsInconclusive: a claim still running when -timeout fires is
// reported inconclusive (never holds), and Run returns without waiting.
func TestTimeoutIsInconclusive(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := theorem.Claim{ID: "FIX-hang", Paper: "–", Statement: "Hangs.",
		Check: func(theorem.Config) theorem.Result {
			<-release
			return theorem.Result{Verdict: theorem.Holds}
		}}
	defer theorem.RegisterExtra(slow)()
	start := time.Now()
	rep := Run(Options{Seed: 1, Checks: 1, Timeout: 50 * time.Millisecond, Only: []string{"FIX-hang"}})
	if rep.Claims[0].Verdict != theorem.Inconclusive || time.Since(start) > 5*time.Second {
		t.Fatalf("verdict %s after %s", rep.Claims[0].Verdict, time.Since(start))
	}
}
