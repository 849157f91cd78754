package main

// End-to-end tests of C = 3 outputs: testdata/vec3_f.json is
// f(x) = (σ(x1), σ(x2), σ(x1) + σ(x2) + 1); testdata/vec3_data.csv
// relabels row 2 (output 2: 0 → 3, the argmax moves) and row 5 (output 1:
// 2 → 0) of six points, so N = 2 and K = 6.

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

func readVecNet(t *testing.T, path string) *oracle.Network {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := oracle.ReadNetwork(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestVectorFinetuneEndToEnd: finetune writes a g with 3 outputs and m ≤
// min{3N+1, K−1} = 5, the certificate says C: 3; verify accepts g beside f
// and the merged f+g alone; eval of f+g prints the labels, three a row;
// the held-out argmax count is what the exact outputs say.
func TestVectorFinetuneEndToEnd(t *testing.T) {
	dir := t.TempDir()
	g, fg := filepath.Join(dir, "g.json"), filepath.Join(dir, "fg.json")
	r := runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv",
		"-out", g, "-merged", fg, "-heldout", "testdata/vec3_heldout.csv")
	if r.Code != 0 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	if certInt(t, r.Stdout, "C") != 3 || certInt(t, r.Stdout, "N") != 2 || certInt(t, r.Stdout, "m") > 5 ||
		certField(t, r.Stdout, "verified") != "exact" || certField(t, r.Stdout, "float-preserves") != "argmax yes" {
		t.Fatalf("certificate:\n%s", r.Stdout)
	}
	gn := readVecNet(t, g)
	if gn.Outputs() != 3 {
		t.Fatalf("g has %d outputs", gn.Outputs())
	}
	for _, args := range [][]string{
		{"verify", "-net", g, "-base", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv"},
		{"verify", "-net", fg, "-data", "testdata/vec3_data.csv"},
	} {
		if r := runFtcheck(t, args...); r.Code != 0 || certInt(t, r.Stdout, "outputs") != 3 {
			t.Fatalf("%v: exit %d\n%s%s", args, r.Code, r.Stdout, r.Stderr)
		}
	}
	r2 := runFtcheck(t, "eval", "-net", fg, "-data", "testdata/vec3_data.csv")
	want := "0,0,1\n1,3,2\n0,1,2\n1,1,3\n0,1,4\n1,2,4\n"
	if r2.Code != 0 || r2.Stdout != want {
		t.Fatalf("eval of f+g: exit %d\n%s\nwant\n%s", r2.Code, r2.Stdout, want)
	}
	// The held-out count, recomputed from the exact outputs of f and g.
	f := readVecNet(t, "testdata/vec3_f.json")
	changed := 0
	for _, p := range [][]int64{{1, 0}, {2, 1}, {0, 0}, {5, 5}, {-1, 3}} {
		x := oracle.Rats(p...)
		fx, gx := f.EvalVec(x), gn.EvalVec(x)
		for c := range gx {
			gx[c].Add(gx[c], fx[c])
		}
		if argmaxRat(gx) != argmaxRat(fx) {
			changed++
		}
	}
	if got := certField(t, r.Stdout, "heldout-changed"); got != itoa(changed)+"/5" {
		t.Fatalf("heldout-changed: %s, exact outputs say %d/5", got, changed)
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// TestVectorExports: g as .safetensors and f+g as .npz load back with 3
// outputs (eval prints three numbers a row) and the float check speaks of
// the argmax.
func TestVectorExports(t *testing.T) {
	dir := t.TempDir()
	g, fg := filepath.Join(dir, "g.safetensors"), filepath.Join(dir, "fg.npz")
	r := runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv", "-out", g, "-merged", fg)
	if r.Code != 0 || !strings.Contains(r.Stdout, "float-preserves: argmax ") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	for _, n := range []string{g, fg} {
		e := runFtcheck(t, "eval", "-net", n, "-data", "testdata/vec3_data.csv")
		lines := strings.Split(strings.TrimSpace(e.Stdout), "\n")
		if e.Code != 0 || len(lines) != 6 || strings.Count(lines[0], ",") != 2 {
			t.Fatalf("eval %s: exit %d\n%s%s", n, e.Code, e.Stdout, e.Stderr)
		}
	}
	if e := runFtcheck(t, "verify", "-net", fg, "-data", "testdata/vec3_data.csv"); e.Code != 0 {
		t.Fatalf("the .npz f+g (small integer and half weights, exact in float64) does not verify: %s%s", e.Stdout, e.Stderr)
	}
}

// TestVectorVerifyNamesRowAndOutput: one label off (row 5, output 3) fails
// verification with exit 1, naming the row and the output.
func TestVectorVerifyNamesRowAndOutput(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "d.csv")
	os.WriteFile(data, []byte("x1,x2,z1,z2,z3\n0,0,0,0,1\n1,0,1,0,2\n0,1,0,1,2\n1,1,1,1,3\n2,1,2,1,5\n"), 0o644)
	r := runFtcheck(t, "verify", "-net", "testdata/vec3_f.json", "-data", data)
	if r.Code != 1 || certInt(t, r.Stdout, "failing-row") != 5 || certInt(t, r.Stdout, "failing-output") != 3 ||
		certField(t, r.Stdout, "got") != "4" || certField(t, r.Stdout, "want") != "5" {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
}

// TestVectorBadInput: label counts that are not the network's C and mixed
// y/z columns exit 2 naming the file and line, and write no file.
func TestVectorBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.json")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"two labels for three outputs", []string{"finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_two_labels.csv", "-out", out}, "vec3_two_labels.csv:2:"},
		{"mixed y and z", []string{"finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_mixed.csv", "-out", out}, "vec3_mixed.csv:1:"},
		{"verify, two labels", []string{"verify", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_two_labels.csv"}, "vec3_two_labels.csv:2:"},
		{"verify, one-output net, three labels", []string{"verify", "-net", "testdata/vec3_f_out1.json", "-data", "testdata/vec3_data.csv"}, "vec3_data.csv:2:"},
		{"one-output f, three labels", []string{"finetune", "-net", "testdata/vec3_f_out1.json", "-data", "testdata/vec3_data.csv", "-out", out}, "vec3_data.csv:2:"},
	}
	for _, c := range cases {
		r := runFtcheck(t, c.args...)
		if r.Code != 2 || !strings.Contains(r.Stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q, want exit 2 and %q", c.name, r.Code, r.Stderr, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: %s was written", c.name, out)
		}
	}
}

// TestVectorFinetuneDepth3: -depth 3 builds U2 with both hidden layers
// shared by the 3 outputs, 3N + 2 = 8 neurons with one group, and f+g
// verifies.
func TestVectorFinetuneDepth3(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "g.json")
	r := runFtcheck(t, "finetune", "-depth", "3", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv", "-out", g)
	if r.Code != 0 || certInt(t, r.Stdout, "C") != 3 || certInt(t, r.Stdout, "m") != 8 || !strings.HasPrefix(certField(t, r.Stdout, "construction"), "U2") {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if v := runFtcheck(t, "verify", "-net", g, "-base", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv"); v.Code != 0 {
		t.Fatalf("verify: exit %d\n%s%s", v.Code, v.Stdout, v.Stderr)
	}
}

// TestVectorNpyData: labels y of shape (K, 3) in an X.npy,y.npy pair are
// read as 3 labels a row; y of shape (K, 2) for the 3-output f exits 2
// naming the file and row.
func TestVectorNpyData(t *testing.T) {
	dir := t.TempDir()
	X := []float64{0, 0, 1, 0, 0, 1, 1, 1, 2, 1, 1, 2}
	Y := []float64{0, 0, 1, 1, 3, 2, 0, 1, 2, 1, 1, 3, 0, 1, 4, 1, 2, 4}
	xp, yp, y2 := filepath.Join(dir, "X.npy"), filepath.Join(dir, "y.npy"), filepath.Join(dir, "y2.npy")
	os.WriteFile(xp, npyBytes([]int{6, 2}, X), 0o644)
	os.WriteFile(yp, npyBytes([]int{6, 3}, Y), 0o644)
	os.WriteFile(y2, npyBytes([]int{6, 2}, Y[:12]), 0o644)
	g := filepath.Join(dir, "g.json")
	r := runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", xp+","+yp, "-out", g)
	if r.Code != 0 || certInt(t, r.Stdout, "C") != 3 || certInt(t, r.Stdout, "N") != 2 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	r = runFtcheck(t, "verify", "-net", g, "-base", "testdata/vec3_f.json", "-data", xp+","+yp)
	if r.Code != 0 {
		t.Fatalf("verify: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	r = runFtcheck(t, "verify", "-net", g, "-base", "testdata/vec3_f.json", "-data", xp+","+y2)
	if r.Code != 2 || !strings.Contains(r.Stderr, ":1: the row has 2 label(s)") {
		t.Fatalf("y of shape (6, 2): exit %d\n%s", r.Code, r.Stderr)
	}
}

// TestVectorPlantedCandidate: a planted construction whose output 2 is off
// by 1/2 fails verification, is named on stderr with its row and output,
// and is not used; alone, it makes finetune exit 1 and write nothing.
func TestVectorPlantedCandidate(t *testing.T) {
	broken := finetune.VectorCandidate{Name: "planted", Build: func(v *instance.Vector) (*construction.Built, error) {
		b, err := construction.TwoLayerVector(v)
		if err != nil {
			return nil, err
		}
		n := b.Net.Clone()
		last := n.Layers[len(n.Layers)-1]
		last.B[1].Add(last.B[1], big.NewRat(1, 2))
		return construction.NewBuilt("planted", n, 0), nil
	}}
	defer func(c func(int) []finetune.VectorCandidate) { vectorCandidates = c }(vectorCandidates)
	dir := t.TempDir()
	g := filepath.Join(dir, "g.json")
	vectorCandidates = func(d int) []finetune.VectorCandidate {
		return append([]finetune.VectorCandidate{broken}, finetune.VectorCandidates(d)...)
	}
	r := runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv", "-out", g)
	if r.Code != 0 || !strings.Contains(r.Stderr, "construction planted failed verification at row 1, output 2") ||
		certField(t, r.Stdout, "construction") == "planted" {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	os.Remove(g)
	vectorCandidates = func(int) []finetune.VectorCandidate { return []finetune.VectorCandidate{broken} }
	r = runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv", "-out", g)
	if _, err := os.Stat(g); r.Code != 1 || err == nil {
		t.Fatalf("only the planted candidate: exit %d (want 1), g written: %v\n%s", r.Code, err == nil, r.Stderr)
	}
}

// TestVectorKeep: with -keep, f+g equals f exactly at the kept points on
// all 3 outputs (eval of the merged network against eval of f).
func TestVectorKeep(t *testing.T) {
	dir := t.TempDir()
	g, fg := filepath.Join(dir, "g.json"), filepath.Join(dir, "fg.json")
	r := runFtcheck(t, "finetune", "-net", "testdata/vec3_f.json", "-data", "testdata/vec3_data.csv", "-keep", "testdata/vec3_keep.csv", "-out", g, "-merged", fg)
	if r.Code != 0 || certInt(t, r.Stdout, "kept") != 2 || certInt(t, r.Stdout, "K") != 8 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	pts := filepath.Join(dir, "pts.csv")
	os.WriteFile(pts, []byte("x1,x2,y1,y2,y3\n3,3,0,0,0\n-2,1,0,0,0\n"), 0o644)
	a := runFtcheck(t, "eval", "-net", fg, "-data", pts)
	b := runFtcheck(t, "eval", "-net", "testdata/vec3_f.json", "-data", pts)
	if a.Code != 0 || a.Stdout != b.Stdout || b.Stdout != "3,3,7\n0,1,2\n" {
		t.Fatalf("f+g at the kept points:\n%s\nf:\n%s", a.Stdout, b.Stdout)
	}
}
