package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

func init() {
	register("finetune", "build the smallest verified side network g so that f+g fits new labels", runFinetune)
}

// candidates lists the constructions of each depth (a variable so that tests
// can plant a broken one).
var candidates = finetune.Candidates

func runFinetune(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("finetune", "-net f.json|f.safetensors|f.npz -data new.csv|new.npz|X.npy,y.npy [-keep pts] [-depth 2|3] [-out g.json|g.safetensors|g.npz] [-merged fg.EXT] [-heldout pts]", stderr)
	netPath := fs.String("net", "", "frozen pre-trained network `file` f: JSON, .safetensors or .npz")
	layers := fs.String("layers", "", "`names` of the linear layers of a .safetensors or .npz -net, in order (default: nn.Sequential numbering 0, 2, 4, …)")
	dataPath := fs.String("data", "", "data `file` with the wanted labels y: CSV x1,…,xd,y, .npz (X, y) or X.npy,y.npy")
	keepPath := fs.String("keep", "", "points `file` (CSV x1,…,xd, .npy or the X of a .npz) where f+g must equal f exactly")
	heldoutPath := fs.String("heldout", "", "points `file` (as -keep) on which to count the outputs g changes")
	depth := fs.Int("depth", 2, "layers of g: 2 (one hidden layer) or 3 (two)")
	out := fs.String("out", "g.json", "where to write g: .safetensors, .npz, or JSON (any other name)")
	merged := fs.String("merged", "", "where to write f+g as one network (same formats as -out), verified exactly first")
	dtype := fs.String("dtype", "F64", "float type of .safetensors and .npz outputs: `F64` or F32")
	lim := limitFlags(fs, true)
	mo := modelFlags(fs)
	maxDataCost := dataCostFlag(fs)
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if *depth != 2 && *depth != 3 {
		return usageErr("finetune: -depth must be 2 or 3, got %d", *depth)
	}
	if *dtype != "F64" && *dtype != "F32" {
		return usageErr("finetune: -dtype must be F64 or F32, got %q", *dtype)
	}
	if err := checkLimits("finetune", lim); err != nil {
		return err
	}
	if err := mo.check("finetune"); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return outputErr("finetune: -out", err)
	}
	if *merged != "" {
		if err := checkOutput(*merged); err != nil {
			return outputErr("finetune: -merged", err)
		}
		if sameFile(*merged, *out) {
			return usageErr("finetune: -out and -merged name the same file %s", *out)
		}
	}
	f, err := readNetworkFile(*netPath, lim, mo, *layers, "-layers")
	if err != nil {
		return err
	}
	// The data's header (arrays are read whole); rows are streamed below.
	var d *oracle.Data
	var label string
	var dim, C int
	if modelio.IsModelFile(*dataPath) {
		if d, err = readAnyData(*dataPath, lim, mo); err != nil {
			return err
		}
		label, dim, C = d.Label, d.Dim(), d.Outputs()
	} else {
		dr, closer, err := openData(*dataPath, lim, mo)
		if err != nil {
			return err
		}
		label, dim, C = dr.Label(), dr.Dim(), dr.Outputs()
		closer.Close()
	}
	if err := wantLabel("finetune", *dataPath, label, "y"); err != nil {
		return err
	}
	if err := checkDims(*netPath, f, *dataPath, dim); err != nil {
		return err
	}
	if f.Outputs() > 1 || C > 1 { // vector.go, on data held in memory
		if d == nil {
			if d, err = readAnyData(*dataPath, lim, mo); err != nil {
				return err
			}
		}
		vf := &vectorFinetune{f: f, d: d, netPath: *netPath, dataPath: *dataPath, layers: *layers,
			keepPath: *keepPath, heldoutPath: *heldoutPath, depth: *depth, out: *out, merged: *merged,
			dtype: *dtype, lim: lim, mo: mo, maxDataCost: *maxDataCost}
		return vf.run(stdout, stderr)
	}
	if err := checkCostFlag(*maxDataCost); err != nil {
		return err
	}
	src, err := newStreamSource(f, *netPath, d, *dataPath, *keepPath, lim, mo)
	if err != nil {
		return err
	}
	sf := &streamFinetune{src: src, heldoutPath: *heldoutPath, out: *out, merged: *merged, dtype: *dtype,
		layers: *layers, depth: *depth, maxDataCost: *maxDataCost}
	return sf.run(stdout, stderr)
}

// candidateErr turns the errors of finetune.Smallest into exit codes: no
// construction applies (bad input, exit 2), none verifies (exit 1, after
// naming each failure on stderr).
func candidateErr(stderr io.Writer, err error) error {
	var nc *finetune.NoCandidateError
	var nv *finetune.NotVerifiedError
	switch {
	case errors.As(err, &nc):
		return usageErr("%s", nc)
	case errors.As(err, &nv):
		reportFailures(stderr, finetune.Failures(nv.Tried))
		return failed("%s", nv)
	}
	return err
}

// reportFailures names each construction that failed verification: a bug in
// that construction, never used.
func reportFailures(stderr io.Writer, fails []finetune.Try) {
	for _, t := range fails {
		mm := t.Mismatch
		fmt.Fprintf(stderr, "ftcheck: construction %s failed verification at row %d (got %s, want %s); not used\n", t.Name, mm.Row, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
}

func printCertificate(w io.Writer, in *instance.Instance, depth int, b *finetune.Result, out string, notes []string) {
	printCertificateKN(w, in.K(), in.N(), in.Dim(), depth, b, out, notes)
}

// printCertificateKN is the certificate of a g for K rows, N of them changed,
// of dimension dim.
func printCertificateKN(w io.Writer, K, N, dim, depth int, b *finetune.Result, out string, notes []string) {
	fmt.Fprintf(w, "K: %d\nN: %d\nd: %d\ndepth: %d\n", K, N, dim, depth)
	fmt.Fprintf(w, "construction: %s\nm: %d\n", b.Name, b.Neurons)
	fmt.Fprintf(w, "m-unpruned: %d\n", b.Unpruned)
	fmt.Fprintf(w, "widths: %s\n", intsString(b.Widths))
	fmt.Fprintf(w, "bound: %s\n", paperBound(depth, N, K))
	tried := make([]string, len(b.Tried))
	for i, t := range b.Tried {
		tried[i] = t.String()
	}
	fmt.Fprintf(w, "candidates: %s\n", strings.Join(tried, ", "))
	fmt.Fprintf(w, "weight-bits: %d\n", b.Net.BitSize())
	for _, n := range append(append([]string{}, b.Notes...), notes...) {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if N == 0 {
		fmt.Fprintf(w, "note: f already fits every label (N = 0): g is the zero network\n")
	}
	fmt.Fprintf(w, "rows-checked: %d\nverified: exact\ng: %s\n", b.Cert.Rows, out)
}

func intsString(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ",")
}
