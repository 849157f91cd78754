package main

import (
	"bytes"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// fataler is what certField needs of *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// cli runs ftcheck in-process (usable inside rapid properties).
func cli(args ...string) cliResult {
	o, e, c := execCLI(args...)
	return cliResult{o, e, c}
}

// certField reads "key: value" from a certificate.
func certField(t fataler, out, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `: (.*)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("certificate has no %q line:\n%s", key, out)
	}
	return m[1]
}

func certInt(t fataler, out, key string) int {
	t.Helper()
	v, err := strconv.Atoi(certField(t, out, key))
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return v
}

func writeProblem(t *rapid.T, dir string, ft *props.FineTune) (fPath, dataPath string) {
	var fb, db bytes.Buffer
	if err := ft.F.WriteJSON(&fb); err != nil {
		t.Fatal(err)
	}
	d := &oracle.Data{X: ft.Inst.X, Y: ft.Y, Label: "y"}
	if err := d.WriteCSV(&db); err != nil {
		t.Fatal(err)
	}
	fPath, dataPath = filepath.Join(dir, "f.json"), filepath.Join(dir, "new.csv")
	for p, b := range map[string][]byte{fPath: fb.Bytes(), dataPath: db.Bytes()} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fPath, dataPath
}

// TestFinetunePatchesGeneratedNetworks: for a frozen network f that the test
// did not write (random, depth 1–3) and new labels, finetune -depth 2 and -depth 3
// write a g such that `ftcheck verify -base f` confirms f+g hits every label
// exactly; the certificate's N is the number of rows where f was wrong
// (counted here with the reference evaluation), and the 2-layer m is within
// min{3N+1, K−1} (Thm 4.1.1).
func TestFinetunePatchesGeneratedNetworks(t *testing.T) {
	dir := t.TempDir()
	rapid.Check(t, func(rt *rapid.T) {
		ft := props.Instance(props.InstanceOptions{MinK: 3, MaxK: 12, MaxD: 3}).Draw(rt, "problem")
		fPath, dataPath := writeProblem(rt, dir, ft)
		wrong := 0
		for i, x := range ft.Inst.X {
			if ft.F.Eval(x).Cmp(ft.Y[i]) != 0 {
				wrong++
			}
		}
		for _, depth := range []string{"2", "3"} {
			gPath := filepath.Join(dir, "g"+depth+".json")
			res := cli("finetune", "-net", fPath, "-data", dataPath, "-depth", depth, "-out", gPath)
			if res.Code != 0 {
				rt.Fatalf("finetune -depth %s: exit %d\n%s%s", depth, res.Code, res.Stdout, res.Stderr)
			}
			if certField(rt, res.Stdout, "verified") != "exact" || certInt(rt, res.Stdout, "N") != wrong || certInt(rt, res.Stdout, "K") != ft.Inst.K() {
				rt.Fatalf("certificate disagrees (N should be %d):\n%s", wrong, res.Stdout)
			}
			if depth == "2" {
				if m, bound := certInt(rt, res.Stdout, "m"), min(3*wrong+1, ft.Inst.K()-1); m > bound {
					rt.Fatalf("2-layer m = %d > min{3N+1, K−1} = %d", m, bound)
				}
			}
			if v := cli("verify", "-net", gPath, "-base", fPath, "-data", dataPath); v.Code != 0 {
				rt.Fatalf("verify rejects the written g: %s%s", v.Stdout, v.Stderr)
			}
		}
	})
}

// TestFinetuneNothingToDo: when f already fits every label, g has no neurons
// and the certificate says so.
func TestFinetuneNothingToDo(t *testing.T) {
	f := writeTemp(t, "f.json", `{"layers": [{"W": [["1"]], "b": ["0"]}, {"W": [["2"]], "b": ["1"]}]}`)
	data := writeTemp(t, "d.csv", "x1,y\n-1,1\n0,1\n1,3\n2,5\n")
	g := filepath.Join(t.TempDir(), "g.json")
	res := runFtcheck(t, "finetune", "-net", f, "-data", data, "-out", g)
	if res.Code != 0 || certInt(t, res.Stdout, "N") != 0 || certInt(t, res.Stdout, "m") != 0 || !strings.Contains(res.Stdout, "N = 0") {
		t.Fatalf("exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
}

// TestFinetuneBadInput: duplicate samples name both rows, a bad depth and a
// dimension mismatch are usage errors; nothing is written.
func TestFinetuneBadInput(t *testing.T) {
	f := writeTemp(t, "f.json", `{"layers": [{"W": [["1", "0"]], "b": ["0"]}, {"W": [["1"]], "b": ["0"]}]}`)
	dup := writeTemp(t, "dup.csv", "x1,x2,y\n0,0,1\n1,2,0\n0,0,2\n")
	oneD := writeTemp(t, "one.csv", "x1,y\n0,1\n1,2\n2,0\n")
	g := filepath.Join(t.TempDir(), "g.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-data", dup}, "rows 1 and 3"},
		{[]string{"-data", oneD}, "takes 2 inputs"},
		{[]string{"-data", oneD, "-depth", "4"}, "-depth"},
	} {
		res := runFtcheck(t, append([]string{"finetune", "-net", f, "-out", g}, c.args...)...)
		if res.Code != exitUsage || !strings.Contains(res.Stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, res.Code, res.Stderr, c.want)
		}
	}
	if res := runFtcheck(t, "verify", "-net", g, "-data", oneD); res.Code != exitUsage {
		t.Errorf("a g.json was written despite the errors")
	}
}

// TestWitnessAndMstar: the witness CSV parses back as K rows with N nonzero
// targets, and mstar's 2-layer lower end on it is at least the min{3N, K−2}
// breakpoints the lower-bound argument needs (the witness's whole point).
func TestWitnessAndMstar(t *testing.T) {
	for _, nk := range [][2]int{{1, 3}, {2, 5}, {2, 9}, {3, 12}, {4, 9}} {
		N, K := nk[0], nk[1]
		res := runFtcheck(t, "witness", "-claim", "T4.1-L", "-N", fmt.Sprint(N), "-K", fmt.Sprint(K))
		if res.Code != 0 {
			t.Fatalf("witness N=%d K=%d: exit %d %s", N, K, res.Code, res.Stderr)
		}
		d, err := oracle.ReadData(strings.NewReader(res.Stdout), "witness")
		if err != nil {
			t.Fatal(err)
		}
		nonzero := 0
		for _, z := range d.Y {
			if z.Sign() != 0 {
				nonzero++
			}
		}
		if d.K() != K || nonzero != N || d.Label != "z" {
			t.Fatalf("witness N=%d K=%d: got K=%d, %d nonzero, label %q", N, K, d.K(), nonzero, d.Label)
		}
		path := writeTemp(t, "w.csv", res.Stdout)
		ms := runFtcheck(t, "mstar", "-data", path)
		var lo, hi int
		if _, err := fmt.Sscanf(certField(t, ms.Stdout, "2-layer m*"), "[%d, %d]", &lo, &hi); err != nil || ms.Code != 0 {
			t.Fatalf("mstar: %v, exit %d\n%s%s", err, ms.Code, ms.Stdout, ms.Stderr)
		}
		if need := min(3*N, K-2); lo < need || lo > hi {
			t.Errorf("N=%d K=%d: 2-layer m* in [%d, %d], witness needs %d", N, K, lo, hi, need)
		}
	}
	if res := runFtcheck(t, "witness", "-claim", "T4.1-L", "-N", "5", "-K", "3"); res.Code != exitUsage {
		t.Errorf("N > K: exit %d", res.Code)
	}
	twoD := writeTemp(t, "2d.csv", "x1,x2,z\n0,0,1\n1,1,0\n")
	if res := runFtcheck(t, "mstar", "-data", twoD); res.Code != exitUsage {
		t.Errorf("mstar on 2-D data: exit %d", res.Code)
	}
}

// TestFinetuneRejectsBrokenConstruction: a planted construction as small as
// the best one (so it is verified first) but with one output weight off by
// 1e-9 is caught by the exact verification, reported on stderr and never
// chosen; the next smallest, verified, is.
func TestFinetuneRejectsBrokenConstruction(t *testing.T) {
	defer func(old func(int) []finetune.Candidate) { candidates = old }(candidates)
	broken := func(in *instance.Instance) (*construction.Built, error) {
		b, _, err := finetune.BestTwoLayer(in) // as small as the best: verified first
		if err != nil || b.Neurons == 0 {
			return b, err
		}
		net := b.Net.Clone()
		w := net.Layers[1].W[0]
		w[0] = new(big.Rat).Add(w[0], big.NewRat(1, 1000000000))
		return construction.NewBuilt("broken", net, 0), nil
	}
	candidates = func(depth int) []finetune.Candidate {
		return append([]finetune.Candidate{{Name: "broken", Build: broken}}, finetune.Candidates(depth)...)
	}
	f := writeTemp(t, "f.json", `{"layers": [{"W": [["0"]], "b": ["0"]}, {"W": [["0"]], "b": ["0"]}]}`)
	data := writeTemp(t, "d.csv", "x1,y\n0,0\n1,1\n2,0\n3,1\n4,0\n")
	res := runFtcheck(t, "finetune", "-net", f, "-data", data, "-out", filepath.Join(t.TempDir(), "g.json"))
	if res.Code != 0 || certField(t, res.Stdout, "construction") == "broken" || !strings.Contains(res.Stderr, "broken failed verification") {
		t.Fatalf("exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
}

// TestFinetuneNegativeDataCost: a negative -max-data-cost is refused before
// any pass over the data, for the streamed path as for mstar.
func TestFinetuneNegativeDataCost(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	r := runFtcheck(t, "finetune", "-net", "testdata/base.json", "-data", "testdata/labels.csv", "-out", out, "-max-data-cost", "-1")
	if r.Code != 2 || !strings.Contains(r.Stderr, "-max-data-cost must be 0 (none) or positive") {
		t.Fatalf("exit %d, stderr %q", r.Code, r.Stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("g written")
	}
}
