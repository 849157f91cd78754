package main

// Real model files end to end: a network saved as .safetensors and .npz
// (by modelio's writers, as PyTorch and NumPy lay them out), patched by
// finetune with -keep on the rest, g and the merged f+g exported to every
// format, the merged file read back and verified exactly; and bad files
// refused with exit 2 and no file written.

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// modelF is a frozen 1-D network of three layers with dyadic weights, so
// that the files hold it exactly.
func modelF() *oracle.Network {
	r := oracle.MustRat
	return &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{{r("1")}, {r("-1/2")}, {r("2")}}, B: oracle.Rats(0, 1, -3)},
		{W: [][]*big.Rat{{r("1"), r("-2"), r("1/4")}, {r("-1"), r("1"), r("1")}}, B: []*big.Rat{r("1/2"), r("0")}},
		{W: [][]*big.Rat{{r("1"), r("-3/4")}}, B: oracle.Rats(1)},
	}}
}

// npyBytes is a .npy file (version 1.0) of float64 values.
func npyBytes(shape []int, vals []float64) []byte {
	return npyRaw("<f8", shape, func() []byte {
		b := make([]byte, 0, 8*len(vals))
		for _, v := range vals {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		return b
	}())
}

func npyRaw(descr string, shape []int, data []byte) []byte {
	dims := make([]string, len(shape))
	for i, s := range shape {
		dims[i] = fmt.Sprint(s)
	}
	tuple := "(" + strings.Join(dims, ", ")
	if len(shape) == 1 {
		tuple += ","
	}
	tuple += ")"
	h := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, tuple)
	for (10+len(h)+1)%64 != 0 {
		h += " "
	}
	h += "\n"
	var b bytes.Buffer
	b.WriteString("\x93NUMPY\x01\x00")
	binary.Write(&b, binary.LittleEndian, uint16(len(h)))
	b.WriteString(h)
	b.Write(data)
	return b.Bytes()
}

// writeNPZ writes a .npz archive of the named .npy files.
func writeNPZ(t *testing.T, path string, arrays map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range arrays {
		w, err := zw.Create(name + ".npy")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func column(xs []float64) [][]*big.Rat {
	X := make([][]*big.Rat, len(xs))
	for i, x := range xs {
		X[i] = []*big.Rat{new(big.Rat).SetFloat64(x)}
	}
	return X
}

// readBack reads a written network in the format of its name.
func readBack(t *testing.T, path, layers string) *oracle.Network {
	t.Helper()
	if outputFormat(path) == "json" {
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		n, err := oracle.ReadNetwork(fh, path)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	names, _ := modelio.ParseLayers(layers)
	n, err := modelio.ReadNetworkFile(path, names, modelio.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRealModelsPatchAndExport: f saved as .safetensors (nn.Sequential
// names) and as .npz (names fc1, fc2, fc3 given with -layers); three rows
// changed (data as .npz or CSV), six kept (as .npy or CSV); g and f+g
// exported to each format; the merged file, read back, reproduces every
// label exactly, and verify -base accepts g beside f.
func TestRealModelsPatchAndExport(t *testing.T) {
	f := modelF()
	changeX := []float64{1, 4, 6}
	changeY := []float64{3, -2, 5}
	keepX := []float64{0, 2, 3, 5, 7, 8}
	heldX := []float64{-1, 2.5, 9, 10}
	fx := oracle.NewEvaluator(f).EvalAll(column(keepX))
	allX := append(column(changeX), column(keepX)...)
	allY := append(column(changeY), func() [][]*big.Rat {
		v := make([][]*big.Rat, len(fx))
		for i := range fx {
			v[i] = []*big.Rat{fx[i]}
		}
		return v
	}()...)
	Y := make([]*big.Rat, len(allY))
	for i := range allY {
		Y[i] = allY[i][0]
	}

	dir := t.TempDir()
	fST, fNPZ := filepath.Join(dir, "f.safetensors"), filepath.Join(dir, "f.npz")
	if ex, err := modelio.WriteNetworkFile(fST, f, modelio.WriteOptions{}); err != nil || !ex.Exact {
		t.Fatalf("write f: %v %v", ex, err)
	}
	if ex, err := modelio.WriteNetworkFile(fNPZ, f, modelio.WriteOptions{Layers: []string{"fc1", "fc2", "fc3"}, DType: "F32"}); err != nil || !ex.Exact {
		t.Fatalf("write f: %v %v", ex, err)
	}
	dataNPZ := filepath.Join(dir, "new.npz")
	writeNPZ(t, dataNPZ, map[string][]byte{"X": npyBytes([]int{3, 1}, changeX), "y": npyBytes([]int{3}, changeY)})
	dataCSV := writeTemp(t, "new.csv", "x1,y\n1,3\n4,-2\n6,5\n")
	keepNPY := filepath.Join(dir, "keep.npy")
	writeFile(t, keepNPY, npyBytes([]int{6}, keepX))
	keepCSV := writeTemp(t, "keep.csv", "x1\n0\n2\n3\n5\n7\n8\n")
	heldNPY := filepath.Join(dir, "held.npy")
	writeFile(t, heldNPY, npyBytes([]int{4, 1}, heldX))

	type netCase struct{ path, layers, data, keep string }
	nets := []netCase{{fST, "", dataNPZ, keepNPY}, {fNPZ, "fc1,fc2,fc3", dataCSV, keepCSV}}
	for _, nc := range nets {
		for _, ext := range []string{".safetensors", ".npz", ".json"} {
			for _, depth := range []string{"2", "3"} {
				name := filepath.Base(nc.path) + "->" + ext + "/depth" + depth
				t.Run(name, func(t *testing.T) {
					out := filepath.Join(t.TempDir(), "g"+ext)
					merged := filepath.Join(filepath.Dir(out), "fg"+ext)
					args := []string{"finetune", "-net", nc.path, "-data", nc.data, "-keep", nc.keep, "-heldout", heldNPY,
						"-depth", depth, "-out", out, "-merged", merged}
					if nc.layers != "" {
						args = append(args, "-layers", nc.layers)
					}
					r := runFtcheck(t, args...)
					if r.Code != 0 {
						t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
					}
					if got := certInt(t, r.Stdout, "N"); got != 3 {
						t.Errorf("N = %d, want 3", got)
					}
					if got := certInt(t, r.Stdout, "K"); got != 9 {
						t.Errorf("K = %d, want 9", got)
					}
					if got := certInt(t, r.Stdout, "kept"); got != 6 {
						t.Errorf("kept = %d, want 6", got)
					}
					certField(t, r.Stdout, "merged-verified")
					certField(t, r.Stdout, "heldout-changed")
					if got := certField(t, r.Stdout, "float-preserves"); got != "sign yes" {
						t.Errorf("float-preserves: %s", got)
					}
					for _, k := range []string{"float64-max-error", "float32-max-error"} {
						if got := certField(t, r.Stdout, k); got != "0" {
							t.Errorf("%s: %s, want 0 (dyadic weights)", k, got)
						}
					}
					exact := true
					if ext != ".json" {
						exact = strings.HasPrefix(certField(t, r.Stdout, "merged-weights"), "exact")
					}
					// The merged file alone reproduces every label.
					fg := readBack(t, merged, mergedLayers(nc.layers, depth))
					if _, err := oracle.Verify(fg, nil, allX, Y); err != nil && exact {
						t.Fatalf("merged %s read back: %v", merged, err)
					}
					// g read back, beside f, does too; and changes exactly what
					// the certificate says on the held-out points.
					g := readBack(t, out, "")
					if _, err := oracle.Verify(g, f, allX, Y); err != nil && exact {
						t.Fatalf("g %s read back: %v", out, err)
					}
					changed := 0
					for _, v := range oracle.NewEvaluator(g).EvalAll(column(heldX)) {
						if v.Sign() != 0 {
							changed++
						}
					}
					if got, want := certField(t, r.Stdout, "heldout-changed"), fmt.Sprintf("%d/%d", changed, len(heldX)); got != want {
						t.Errorf("heldout-changed: %s, want %s", got, want)
					}
					// The command agrees, from the files.
					vargs := []string{"verify", "-net", out, "-base", nc.path, "-data", nc.data}
					if nc.layers != "" {
						vargs = append(vargs, "-base-layers", nc.layers)
					}
					if r := runFtcheck(t, vargs...); r.Code != 0 {
						t.Fatalf("%v: exit %d\n%s%s", vargs, r.Code, r.Stdout, r.Stderr)
					}
				})
			}
		}
	}
}

// mergedLayers: the merge keeps f's layer names when it has f's depth, as
// here (f has 3 layers; g has 2 or 3).
func mergedLayers(layers, depth string) string { return layers }

// TestMergeNetworksExact: the merge computes f+g exactly for every pair of
// depths, the shallower one carried through identity neurons.
func TestMergeNetworksExact(t *testing.T) {
	r := oracle.MustRat
	one := &oracle.Network{Layers: []oracle.Layer{{W: [][]*big.Rat{{r("2"), r("-1/3")}}, B: []*big.Rat{r("5")}}}}
	two := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{{r("1"), r("1")}, {r("-1"), r("2")}}, B: oracle.Rats(-1, 0)},
		{W: [][]*big.Rat{{r("3"), r("-1/2")}}, B: oracle.Rats(0)},
	}}
	three := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{{r("1"), r("0")}}, B: oracle.Rats(1)},
		{W: [][]*big.Rat{{r("-2")}, {r("1")}}, B: oracle.Rats(3, -2)},
		{W: [][]*big.Rat{{r("1"), r("7")}}, B: oracle.Rats(-1)},
	}}
	nets := []*oracle.Network{one, two, three}
	var pts [][]*big.Rat
	for a := -4; a <= 4; a++ {
		for b := -3; b <= 3; b += 2 {
			pts = append(pts, oracle.Rats(int64(a), int64(b)))
		}
	}
	for i, f := range nets {
		for j, g := range nets {
			m := mergeNetworks(f, g)
			if err := m.Validate(); err != nil {
				t.Fatalf("merge %d+%d: %v", i, j, err)
			}
			if want := max(f.Depth(), g.Depth()); m.Depth() != want {
				t.Errorf("merge %d+%d has depth %d, want %d", i, j, m.Depth(), want)
			}
			for _, x := range pts {
				want := new(big.Rat).Add(f.Eval(x), g.Eval(x))
				if got := m.Eval(x); got.Cmp(want) != 0 {
					t.Fatalf("merge %d+%d at %v: %s, want %s", i, j, x, got.RatString(), want.RatString())
				}
			}
		}
	}
}

// TestFinetuneRoundingNote: a label off f(x) by a float rounding gets a
// note pointing to -keep; with -keep instead, N drops.
func TestFinetuneRoundingNote(t *testing.T) {
	dir := t.TempDir()
	fPath := filepath.Join(dir, "f.safetensors")
	if _, err := modelio.WriteNetworkFile(fPath, modelF(), modelio.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	// f(0) = 3/2·… : compute it and write it with a tiny error.
	f0 := modelF().Eval(oracle.Rats(0))
	off := new(big.Rat).Add(f0, big.NewRat(1, 1_000_000_000_000_000))
	data := writeTemp(t, "new.csv", fmt.Sprintf("x1,y\n1,3\n4,-2\n0,%s\n", off.RatString()))
	out := filepath.Join(dir, "g.json")
	r := runFtcheck(t, "finetune", "-net", fPath, "-data", data, "-out", out)
	if r.Code != 0 {
		t.Fatalf("exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if !strings.Contains(r.Stdout, "note: 1 row of") || !strings.Contains(r.Stdout, "-keep") || !strings.Contains(r.Stdout, "line 4") {
		t.Errorf("no rounding note naming the row and -keep:\n%s", r.Stdout)
	}
	if n := certInt(t, r.Stdout, "N"); n != 3 {
		t.Errorf("N = %d, want 3 (the rounded row counts as changed)", n)
	}
}

// TestRealModelsBadInputs: broken files exit 2, name the file, and leave
// no output file behind.
func TestRealModelsBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "f.safetensors")
	if _, err := modelio.WriteNetworkFile(good, modelF(), modelio.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	goodBytes, _ := os.ReadFile(good)
	goodNPZ := filepath.Join(dir, "f.npz")
	if _, err := modelio.WriteNetworkFile(goodNPZ, modelF(), modelio.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	npzBytes, _ := os.ReadFile(goodNPZ)
	data := writeTemp(t, "new.csv", "x1,y\n1,3\n4,-2\n")
	keepCSV := writeTemp(t, "keep.csv", "x1\n0\n4\n")

	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		writeFile(t, p, b)
		return p
	}
	w31 := npyBytes([]int{3, 1}, []float64{1, 2, 3})
	b3 := npyBytes([]int{3}, []float64{0, 0, 0})
	w13 := npyBytes([]int{1, 3}, []float64{1, 1, 1})
	nanW := npyBytes([]int{3, 1}, []float64{1, math.NaN(), 3})
	w23 := npyBytes([]int{2, 3}, []float64{1, 1, 1, 2, 2, 2})
	npz := func(name string, arrays map[string][]byte) string {
		p := filepath.Join(dir, name)
		writeNPZ(t, p, arrays)
		return p
	}
	stHeader := `{"0.weight":{"dtype":"BOOL","shape":[1,1],"data_offsets":[0,1]}}`
	boolST := append(binary.LittleEndian.AppendUint64(nil, uint64(len(stHeader))), append([]byte(stHeader), 1)...)
	cases := []struct {
		name string
		args []string
		want string // in the message
	}{
		{"truncated safetensors", []string{"-net", file("trunc.safetensors", goodBytes[:len(goodBytes)/2])}, "trunc.safetensors"},
		{"truncated npz", []string{"-net", file("trunc.npz", npzBytes[:len(npzBytes)-30])}, "trunc.npz"},
		{"wrong dtype", []string{"-net", file("bool.safetensors", boolST)}, "bool.safetensors"},
		{"wrong npy dtype", []string{"-net", npz("str.npz", map[string][]byte{"0.weight": npyRaw("<U1", []int{1, 1}, []byte{'a', 0, 0, 0})})}, "str.npz"},
		{"wrong shape", []string{"-net", npz("shape.npz", map[string][]byte{"0.weight": w31, "0.bias": npyBytes([]int{2}, []float64{0, 0}), "2.weight": w13})}, "shape.npz"},
		{"shapes do not chain", []string{"-net", npz("chain.npz", map[string][]byte{"0.weight": w31, "0.bias": b3, "2.weight": npyBytes([]int{1, 2}, []float64{1, 1})})}, "chain.npz"},
		{"NaN weight", []string{"-net", npz("nan.npz", map[string][]byte{"0.weight": nanW, "0.bias": b3, "2.weight": w13})}, "NaN"},
		{"C = 2", []string{"-net", npz("c2.npz", map[string][]byte{"0.weight": w31, "0.bias": b3, "2.weight": w23})}, "has C = 2 outputs: the data need y1..y2"},
		{"missing -layers name", []string{"-net", goodNPZ, "-layers", "0,2,9"}, "9.weight"},
		{"-layers on JSON", []string{"-net", writeTemp(t, "f.json", `{"layers":[{"W":[["1"]],"b":["0"]}]}`), "-layers", "a"}, "JSON"},
		{"max-values", []string{"-net", good, "-max-values", "4"}, "max-values"},
		{"labels C = 2", []string{"-net", good, "-data", npz("y2.npz", map[string][]byte{"X": npyBytes([]int{2, 1}, []float64{1, 2}), "y": npyBytes([]int{2, 2}, []float64{1, 2, 3, 4})})}, "y2.npz:1: the row has 2 label(s) (y1..y2) but the network"},
		{"keep overlaps data", []string{"-net", good, "-keep", keepCSV}, "keep.csv"},
		{"keep with labels", []string{"-net", good, "-keep", data}, "no label column"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outDir := t.TempDir()
			args := append([]string{"finetune", "-data", data, "-out", filepath.Join(outDir, "g.safetensors"), "-merged", filepath.Join(outDir, "fg.npz")}, c.args...)
			r := runFtcheck(t, args...)
			if r.Code != 2 {
				t.Fatalf("exit %d, want 2\n%s%s", r.Code, r.Stdout, r.Stderr)
			}
			if !strings.Contains(r.Stderr, c.want) {
				t.Errorf("message does not say %q:\n%s", c.want, r.Stderr)
			}
			if ents, _ := os.ReadDir(outDir); len(ents) != 0 {
				t.Errorf("files left behind: %v", ents)
			}
		})
	}
	// eval and verify read the same files and refuse the same way.
	bad := filepath.Join(dir, "nan.npz")
	for _, cmd := range []string{"eval", "verify"} {
		if r := runFtcheck(t, cmd, "-net", bad, "-data", data); r.Code != 2 || !strings.Contains(r.Stderr, "nan.npz") {
			t.Errorf("%s: exit %d\n%s", cmd, r.Code, r.Stderr)
		}
	}
}
