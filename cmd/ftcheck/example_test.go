package main

// The worked example of docs/example.md, end to end on its committed files
// (no Python needed): a 30-16-16-1 classifier trained by PyTorch on the
// breast cancer data, saved as .safetensors and .npz; its N = 4 test
// mistakes patched with -keep on the 455 training points and -heldout on
// the 110 other test points; g and f+g exported; the exported merged
// network verified exactly. And the planted faults the checks must catch:
// one kept point dropped from -keep, one neuron dropped from the merge.
// The whole example is small (K = 459), so the test runs all of it.

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

const exampleDir = "../../docs/example"

func ex(name string) string { return filepath.Join(exampleDir, name) }

// exampleData reads the example's patch rows (x, y) and kept points.
func exampleData(t *testing.T) (patch *oracle.Data, keep [][]*big.Rat) {
	t.Helper()
	f, err := os.Open(ex("patch.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if patch, err = oracle.ReadData(f, "patch.csv"); err != nil {
		t.Fatal(err)
	}
	k, err := os.Open(ex("keep.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if keep, err = readPointsCSV(k, "keep.csv", oracle.DefaultLimits); err != nil {
		t.Fatal(err)
	}
	return patch, keep
}

// wantLines fails unless every line is in the output.
func wantLines(t *testing.T, r cliResult, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(r.Stdout, l+"\n") {
			t.Errorf("output lacks %q:\n%s", l, r.Stdout)
		}
	}
}

// writeLabelled writes X with labels (header x1..xd,label) to a temporary
// CSV.
func writeLabelled(t *testing.T, name, label string, X [][]*big.Rat, Y []*big.Rat) string {
	t.Helper()
	var b strings.Builder
	for j := range X[0] {
		fmt.Fprintf(&b, "x%d,", j+1)
	}
	b.WriteString(label + "\n")
	for i, x := range X {
		for _, v := range x {
			b.WriteString(oracle.FormatRat(v) + ",")
		}
		b.WriteString(oracle.FormatRat(Y[i]) + "\n")
	}
	return writeTemp(t, name, b.String())
}

// keptWithF is the kept points labelled f(x), computed exactly from the
// committed model: the labels f+g must reproduce.
func keptWithF(t *testing.T, keep [][]*big.Rat) string {
	t.Helper()
	f, err := modelio.ReadNetworkFile(ex("model.safetensors"), nil, modelio.Limits{MaxValues: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	Y := make([]*big.Rat, len(keep))
	for i, x := range keep {
		Y[i] = f.Eval(x)
	}
	return writeLabelled(t, "keep_f.csv", "y", keep, Y)
}

// TestExampleFloatExports runs the example's two finetune commands, from
// the .safetensors model with CSV data and from the .npz model with
// .npz/.npy data, and checks the certificates and the exported files: the
// merged f+g read back from its float file (weights rounded to float64)
// classifies every patched row as wanted and every kept point as f does,
// decided exactly.
func TestExampleFloatExports(t *testing.T) {
	patch, keep := exampleData(t)
	for _, c := range []struct{ model, data, keep, heldout, ext string }{
		{"model.safetensors", "patch.csv", "keep.csv", "heldout.csv", ".safetensors"},
		{"model.npz", "patch.npz", "keep.npy", "heldout.npy", ".npz"},
	} {
		t.Run(c.model, func(t *testing.T) {
			dir := t.TempDir()
			g, fg := filepath.Join(dir, "g"+c.ext), filepath.Join(dir, "fg"+c.ext)
			r := runFtcheck(t, "finetune", "-net", ex(c.model), "-data", ex(c.data), "-keep", ex(c.keep),
				"-heldout", ex(c.heldout), "-out", g, "-merged", fg)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			wantLines(t, r, "K: 459", "N: 4", "d: 30", "m: 12", "kept: 455", "heldout-changed: 0/110",
				"verified: exact", "merged-verified: exact", "float-preserves: sign yes")
			for _, k := range []string{"float64-max-error: ", "float32-max-error: ", "merged-weights: ", "g-weights: "} {
				if !strings.Contains(r.Stdout, "\n"+k) {
					t.Errorf("certificate lacks %q", k)
				}
			}
			checkFloatMerged(t, fg, patch, keep)
		})
	}
}

// checkFloatMerged reads the exported merged network and decides exactly
// that its signs are the patch labels' and f's on the kept points.
func checkFloatMerged(t *testing.T, path string, patch *oracle.Data, keep [][]*big.Rat) {
	t.Helper()
	lim := modelio.Limits{MaxValues: 1 << 20}
	fg, err := modelio.ReadNetworkFile(path, nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	f, err := modelio.ReadNetworkFile(ex("model.safetensors"), nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range patch.X {
		if got := fg.Eval(x); got.Sign() != patch.Y[i].Sign() {
			t.Errorf("%s: patch row %d: sign of %s, want that of %s", path, i+1, oracle.FormatRat(got), oracle.FormatRat(patch.Y[i]))
		}
	}
	for i, x := range keep {
		if got, want := fg.Eval(x), f.Eval(x); got.Sign() != want.Sign() {
			t.Errorf("%s: kept point %d: sign of %s, f gives %s", path, i+1, oracle.FormatRat(got), oracle.FormatRat(want))
		}
	}
}

// TestExampleExactExport exports f+g as JSON (exact) at depth 2 and 3 and
// verifies the exported file with ftcheck verify: the patched rows hit
// their labels, the kept points f's outputs, exactly. verify refuses the
// float64 file, whose rounded weights miss the labels by about 1e-12.
func TestExampleExactExport(t *testing.T) {
	_, keep := exampleData(t)
	keepF := keptWithF(t, keep)
	for _, depth := range []string{"2", "3"} {
		t.Run("depth"+depth, func(t *testing.T) {
			dir := t.TempDir()
			fg := filepath.Join(dir, "fg.json")
			r := runFtcheck(t, "finetune", "-depth", depth, "-net", ex("model.safetensors"), "-data", ex("patch.csv"),
				"-keep", ex("keep.csv"), "-out", filepath.Join(dir, "g.json"), "-merged", fg)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			wantLines(t, r, "N: 4", "m: 12", "merged-verified: exact")
			v := runFtcheck(t, "verify", "-net", fg, "-data", ex("patch.csv"))
			if v.Code != 0 {
				t.Fatalf("verify on patch.csv: exit %d: %s", v.Code, v.Stderr)
			}
			wantLines(t, v, "verified: exact", "rows: 4")
			v = runFtcheck(t, "verify", "-net", fg, "-data", keepF)
			if v.Code != 0 {
				t.Fatalf("verify on the kept points: exit %d: %s", v.Code, v.Stderr)
			}
			wantLines(t, v, "verified: exact", "rows: 455")
		})
	}
	dir := t.TempDir()
	fg := filepath.Join(dir, "fg.safetensors")
	if r := runFtcheck(t, "finetune", "-net", ex("model.safetensors"), "-data", ex("patch.csv"), "-keep", ex("keep.csv"),
		"-out", filepath.Join(dir, "g.json"), "-merged", fg); r.Code != 0 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	if v := runFtcheck(t, "verify", "-net", fg, "-data", ex("patch.csv")); v.Code != 1 || !strings.Contains(v.Stdout, "verified: no") {
		t.Errorf("verify of the rounded float64 merge: exit %d, want 1 (its weights are rounded):\n%s", v.Code, v.Stdout)
	}
}

// TestExamplePlantedDroppedNeuron drops each hidden neuron of g, one at a
// time, from the exported merged network: verify must fail on the patched
// rows and kept points together every time.
func TestExamplePlantedDroppedNeuron(t *testing.T) {
	patch, keep := exampleData(t)
	dir := t.TempDir()
	fgPath := filepath.Join(dir, "fg.json")
	r := runFtcheck(t, "finetune", "-net", ex("model.safetensors"), "-data", ex("patch.csv"), "-keep", ex("keep.csv"),
		"-out", filepath.Join(dir, "g.json"), "-merged", fgPath)
	if r.Code != 0 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	fg := readJSONNet(t, fgPath)
	f, err := modelio.ReadNetworkFile(ex("model.safetensors"), nil, modelio.Limits{MaxValues: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	X := append(append([][]*big.Rat{}, patch.X...), keep...)
	Y := append([]*big.Rat{}, patch.Y...)
	for _, x := range keep {
		Y = append(Y, f.Eval(x))
	}
	all := writeLabelled(t, "all.csv", "y", X, Y)
	if v := runFtcheck(t, "verify", "-net", fgPath, "-data", all); v.Code != 0 {
		t.Fatalf("the unplanted merge: exit %d: %s", v.Code, v.Stderr)
	}
	fWidth := f.Layers[0].Out()
	gWidth := fg.Layers[0].Out() - fWidth
	if gWidth != 12 {
		t.Fatalf("merged first layer has %d neurons of g, want 12", gWidth)
	}
	for k := fWidth; k < fg.Layers[0].Out(); k++ {
		p := writeTemp(t, fmt.Sprintf("fg-%d.json", k), jsonOf(t, dropNeuron(fg, k)))
		if v := runFtcheck(t, "verify", "-net", p, "-data", all); v.Code != 1 {
			t.Errorf("merge without neuron %d of layer 0 (g's neuron %d): verify exit %d, want 1", k, k-fWidth+1, v.Code)
		}
	}
}

// TestExamplePlantedDroppedKeep drops from -keep a training point next to a
// patched one along g's projection (where g's ramp would reach it) and
// checks that verifying g against z = 0 on all kept points catches it,
// while the g built from the full -keep passes.
func TestExamplePlantedDroppedKeep(t *testing.T) {
	patch, keep := exampleData(t)
	dir := t.TempDir()
	gPath := filepath.Join(dir, "g.json")
	if r := runFtcheck(t, "finetune", "-net", ex("model.safetensors"), "-data", ex("patch.csv"), "-keep", ex("keep.csv"), "-out", gPath); r.Code != 0 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	keepZ0 := writeLabelled(t, "keep_z0.csv", "z", keep, oracle.Zeros(len(keep)))
	if v := runFtcheck(t, "verify", "-net", gPath, "-data", keepZ0); v.Code != 0 {
		t.Fatalf("g from the full -keep: exit %d: %s", v.Code, v.Stderr)
	}
	drop := neighbourOfPatched(readJSONNet(t, gPath).Layers[0].W[0], patch.X, keep)
	var b strings.Builder
	for j := range keep[0] {
		if j > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "x%d", j+1)
	}
	b.WriteByte('\n')
	for i, x := range keep {
		if i != drop {
			b.WriteString(pointKey(x) + "\n")
		}
	}
	fewer := writeTemp(t, "keep-1.csv", b.String())
	g2 := filepath.Join(dir, "g2.json")
	if r := runFtcheck(t, "finetune", "-net", ex("model.safetensors"), "-data", ex("patch.csv"), "-keep", fewer, "-out", g2); r.Code != 0 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	v := runFtcheck(t, "verify", "-net", g2, "-data", keepZ0)
	if v.Code != 1 || !strings.Contains(v.Stdout, fmt.Sprintf("failing-row: %d\n", drop+1)) {
		t.Errorf("g built without kept point %d: verify exit %d, want 1 at that row:\n%s", drop+1, v.Code, v.Stdout)
	}
}

// neighbourOfPatched is the index of a kept point adjacent, in the order
// of the projection a·x, to a patched point.
func neighbourOfPatched(a []*big.Rat, patched, keep [][]*big.Rat) int {
	type pt struct {
		t       *big.Rat
		kept    int // index in keep, or -1 for a patched point
		patched bool
	}
	dot := func(x []*big.Rat) *big.Rat {
		s, p := new(big.Rat), new(big.Rat)
		for j, v := range x {
			s.Add(s, p.Mul(a[j], v))
		}
		return s
	}
	var pts []pt
	for _, x := range patched {
		pts = append(pts, pt{dot(x), -1, true})
	}
	for i, x := range keep {
		pts = append(pts, pt{dot(x), i, false})
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].t.Cmp(pts[j].t) < 0 })
	for i, p := range pts {
		if p.patched && i+1 < len(pts) && !pts[i+1].patched {
			return pts[i+1].kept
		}
	}
	panic("no kept point follows a patched one")
}

// dropNeuron removes neuron k of n's first hidden layer (its row, and its
// column in the next layer).
func dropNeuron(n *oracle.Network, k int) *oracle.Network {
	m := n.Clone()
	l0, l1 := &m.Layers[0], &m.Layers[1]
	l0.W = append(l0.W[:k:k], l0.W[k+1:]...)
	l0.B = append(l0.B[:k:k], l0.B[k+1:]...)
	for r, row := range l1.W {
		l1.W[r] = append(row[:k:k], row[k+1:]...)
	}
	return m
}

func readJSONNet(t *testing.T, path string) *oracle.Network {
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

func jsonOf(t *testing.T, n *oracle.Network) string {
	t.Helper()
	var b strings.Builder
	if err := n.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestExampleFilesAgree: the committed files say the same thing in each
// format, as docs/example.md claims: model.npz holds model.safetensors'
// weights exactly, and the .npy/.npz data the CSVs' points and labels.
func TestExampleFilesAgree(t *testing.T) {
	lim := modelio.Limits{MaxValues: 1 << 20}
	st, err := modelio.ReadNetworkFile(ex("model.safetensors"), nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	nz, err := modelio.ReadNetworkFile(ex("model.npz"), nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := jsonOf(t, st), jsonOf(t, nz); a != b {
		t.Errorf("model.safetensors and model.npz differ")
	}
	if w := st.Widths(); fmt.Sprint(w) != "[16 16]" || st.InputDim() != 30 || st.Layers[2].Out() != 1 {
		t.Errorf("model: widths %v, %d inputs; want 30-16-16-1", w, st.InputDim())
	}
	patch, keep := exampleData(t)
	for _, c := range []struct {
		npy, csv string
		want     [][]*big.Rat
	}{{"keep.npy", "keep.csv", keep}, {"heldout.npy", "heldout.csv", nil}} {
		got, err := modelio.ReadPointsFile(ex(c.npy), lim)
		if err != nil {
			t.Fatal(err)
		}
		want := c.want
		if want == nil {
			f, err := os.Open(ex(c.csv))
			if err != nil {
				t.Fatal(err)
			}
			want, err = readPointsCSV(f, c.csv, oracle.DefaultLimits)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d points, %s: %d", c.npy, len(got), c.csv, len(want))
		}
		for i := range got {
			if pointKey(got[i]) != pointKey(want[i]) {
				t.Fatalf("%s and %s differ at point %d", c.npy, c.csv, i+1)
			}
		}
	}
	pz, err := modelio.ReadDataFile(ex("patch.npz"), lim)
	if err != nil {
		t.Fatal(err)
	}
	for i := range patch.X {
		if pointKey(pz.X[i]) != pointKey(patch.X[i]) || pz.Y[i][0].Cmp(patch.Y[i]) != 0 {
			t.Fatalf("patch.npz and patch.csv differ at row %d", i+1)
		}
	}
	if len(pz.X) != len(patch.X) {
		t.Fatalf("patch.npz has %d rows, patch.csv %d", len(pz.X), len(patch.X))
	}
}
