package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/internal/report"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/theorem"
	"pgregory.net/rapid"
)

// execCLI runs the command in-process and returns stdout, stderr, exit code.
func execCLI(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := exitCode(&errb, run(&out, &errb, args))
	return out.String(), errb.String(), code
}

// falsePieces is a deliberately false claim planted to test the reporter:
// "a 2-layer network with m hidden neurons is affine on a line with at most m
// pieces" (the truth is m+1). rapid must find it and shrink it to m = 1.
var falsePieces = theorem.Claim{
	ID: "FALSE-pieces", Paper: "(planted)", Statement: "A 2-layer net with m neurons has at most m pieces on a line.",
	Check: func(cfg theorem.Config) theorem.Result {
		var bad *theorem.Instance
		checked := 0
		out := search.Run("FALSE-pieces", func(t *rapid.T) {
			m := rapid.IntRange(1, 6).Draw(t, "m")
			hidden := oracle.Layer{}
			out := oracle.Layer{W: [][]*big.Rat{nil}, B: []*big.Rat{new(big.Rat)}}
			for k := 0; k < m; k++ {
				a := rapid.IntRange(-3, 3).Draw(t, fmt.Sprintf("a[%d]", k))
				c := rapid.IntRange(-3, 3).Draw(t, fmt.Sprintf("c[%d]", k))
				w := rapid.IntRange(-3, 3).Draw(t, fmt.Sprintf("w[%d]", k))
				hidden.W = append(hidden.W, oracle.Rats(int64(a)))
				hidden.B = append(hidden.B, big.NewRat(int64(c), 1))
				out.W[0] = append(out.W[0], big.NewRat(int64(w), 1))
			}
			checked++
			net := &oracle.Network{Layers: []oracle.Layer{hidden, out}}
			if p := net.Restrict(oracle.Rats(0), oracle.Rats(1)).Pieces(); p > m {
				bad = &theorem.Instance{Params: map[string]string{"m": fmt.Sprint(m), "pieces": fmt.Sprint(p)}}
				t.Fatalf("m = %d neurons give %d pieces", m, p)
			}
		})
		if !out.Failed {
			return theorem.Result{Verdict: theorem.Holds, Evidence: fmt.Sprintf("%d sampled networks", checked), Checked: checked}
		}
		return theorem.Result{Verdict: theorem.Counterexample, Evidence: "a network with more pieces than neurons", Checked: checked,
			Findings: []theorem.Finding{{Kind: theorem.FindCounterexample, Text: "pieces exceed m", Instance: bad,
				Reproduce: report.ReproduceCommand("FALSE-pieces", cfg.Seed, cfg.Checks)}}}
	},
}

// TestCheckFindsPlantedFalseClaim: check finds the planted false claim,
// shrinks it to one neuron, exits 1, and the printed reproduce command
// reproduces the same output.
func TestCheckFindsPlantedFalseClaim(t *testing.T) {
	defer theorem.RegisterExtra(falsePieces)()
	stdout, stderr, code := execCLI("check", "FALSE-pieces", "-seed", "42", "-checks", "50")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitFailed, stdout, stderr)
	}
	if !strings.Contains(stdout, "verdict: counterexample") || !strings.Contains(stdout, "m = 1,") {
		t.Fatalf("not shrunk to m = 1:\n%s", stdout)
	}
	re := regexp.MustCompile(`(?m)^reproduce: ftcheck (.*)$`)
	mm := re.FindStringSubmatch(stdout)
	if mm == nil {
		t.Fatalf("no reproduce command:\n%s", stdout)
	}
	again, _, code2 := execCLI(strings.Fields(mm[1])...)
	if code2 != exitFailed || again != stdout {
		t.Fatalf("reproduce %q gave exit %d and\n%s\nwant\n%s", mm[1], code2, again, stdout)
	}
}

// TestReportDeterministic: the same seed and checks give byte-identical
// REPORT.md and report.json (run on the planted claim and some of the SPEC's
// cheaper claims, sampled and exhaustive, so the test stays fast).
func TestReportDeterministic(t *testing.T) {
	defer theorem.RegisterExtra(falsePieces)()
	dir := t.TempDir()
	var files [2][2][]byte
	for i := range files {
		out := filepath.Join(dir, fmt.Sprint(i))
		if _, stderr, code := execCLI("report", "-seed", "5", "-checks", "3", "-out", out, "-claims", "FALSE-pieces,D4.3,R2,L4.7,D1.1=D3.1"); code != 0 {
			t.Fatalf("report exit %d: %s", code, stderr)
		}
		for j, name := range []string{"REPORT.md", "report.json"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			files[i][j] = b
		}
	}
	for j := range files[0] {
		if !bytes.Equal(files[0][j], files[1][j]) {
			t.Errorf("file %d differs between two runs with the same seed", j)
		}
	}
	if !bytes.Contains(files[0][0], []byte("FALSE-pieces")) {
		t.Errorf("planted claim missing from the report")
	}
}

// TestReportBadFlags: bad flags are usage errors (exit 2), -h is not.
func TestReportBadFlags(t *testing.T) {
	for _, args := range [][]string{{"report", "-seed", "0"}, {"report", "-checks", "-1"}, {"check"}, {"check", "NOPE"}, {"report", "extra"}} {
		if _, stderr, code := execCLI(args...); code != exitUsage || !strings.HasPrefix(stderr, "ftcheck: ") && !strings.Contains(stderr, "usage") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, _, code := execCLI("report", "-h"); code != 0 {
		t.Errorf("report -h: exit %d", code)
	}
}

var updateGolden = flag.Bool("update", false, "rewrite the golden report files in testdata/golden")

// TestReportGolden: the report of a fixed set of real claims (exhaustive and
// sampled) at a small fixed budget matches the reviewed golden files byte for
// byte. Regenerate with go test ./cmd/ftcheck -run ReportGolden -update and
// review the diff: a change here is a change in what reviewers read.
func TestReportGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("under -short rapid runs a fifth of its checks, so the report is that of another budget than the golden files'")
	}
	out := t.TempDir()
	if _, stderr, code := execCLI("report", "-seed", "7", "-checks", "5", "-out", out, "-claims", "C4.2,R2,D4.3,L4.7,T4.4"); code != 0 {
		t.Fatalf("report exit %d: %s", code, stderr)
	}
	for _, name := range []string{"REPORT.md", "report.json"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", name)
		if *updateGolden {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; rerun with -update and review the diff", name, path)
		}
	}
}
