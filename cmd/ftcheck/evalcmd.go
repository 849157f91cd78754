package main

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

func init() {
	register("eval", "exact outputs of a network, one per data row", runEval)
	register("verify", "exit 0 iff g (or f+g) hits every row's label exactly", runVerify)
}

// batchRows is how many rows eval and verify hold at once: the data is
// streamed, evaluated a batch at a time on all cores.
const batchRows = 1024

// checkGrowth checks that evaluating n on every row of d stays within
// -max-bits (oracle.Growth), naming the layer and the row that would pass it.
func checkGrowth(n *oracle.Network, netPath, dataPath string, d *oracle.Data, lim *oracle.Limits) error {
	g, err := oracle.NewGrowth(n, netPath, lim.MaxBits)
	if err != nil {
		return err
	}
	for i, x := range d.X {
		if err := g.Check(x); err != nil {
			return fmt.Errorf("%s:%d: %w", dataPath, d.Line(i+1), err)
		}
	}
	return nil
}

// rowBatch is up to batchRows rows read from a DataReader.
type rowBatch struct {
	X     [][]*big.Rat
	Y     []*big.Rat
	Lines []int
}

// readBatch reads the next batch; an empty batch means the data has ended.
// Every row is checked against each network's growth bound first.
func readBatch(dr rowSource, dataPath string, growth ...*oracle.Growth) (*rowBatch, error) {
	b := &rowBatch{}
	for len(b.X) < batchRows {
		x, y, err := dr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, g := range growth {
			if err := g.Check(x); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", dataPath, dr.Line(), err)
			}
		}
		b.X, b.Y, b.Lines = append(b.X, x), append(b.Y, y), append(b.Lines, dr.Line())
	}
	return b, nil
}

// evaluator is a network with its growth bound, ready for exact evaluation.
type evaluator struct {
	growth *oracle.Growth
	ev     *oracle.Evaluator
}

func newEvaluator(n *oracle.Network, path string, lim *oracle.Limits) (*evaluator, error) {
	g, err := oracle.NewGrowth(n, path, lim.MaxBits)
	if err != nil {
		return nil, err
	}
	return &evaluator{g, oracle.NewEvaluator(n)}, nil
}

func runEval(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("eval", "-net g.json|g.safetensors|g.npz [-layers NAMES] -data pts.csv|pts.npz|X.npy[,y.npy]", stderr)
	netPath := fs.String("net", "", "network `file`: JSON, .safetensors or .npz")
	layers := fs.String("layers", "", "`names` of the linear layers of a .safetensors or .npz -net, in order (default: nn.Sequential numbering 0, 2, 4, …)")
	dataPath := fs.String("data", "", "data `file`: CSV (header x1,…,xd,y or z), .npz (X, y or z), X.npy,y.npy, or points X.npy; labels are not used")
	lim := limitFlags(fs, true)
	mo := modelFlags(fs)
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if err := checkLimits("eval", lim); err != nil {
		return err
	}
	if err := mo.check("eval"); err != nil {
		return err
	}
	n, err := readNetworkFile(*netPath, lim, mo, *layers, "-layers")
	if err != nil {
		return err
	}
	var dr rowSource
	var closer io.Closer
	if strings.EqualFold(filepath.Ext(*dataPath), ".npy") { // points only
		X, err := readPoints(*dataPath, "-data", lim, mo)
		if err != nil {
			return err
		}
		d := &oracle.Data{X: X, Y: oracle.Zeros(len(X)), Label: "y"}
		dr, closer = &memSource{d: d}, io.NopCloser(nil)
	} else if dr, closer, err = openData(*dataPath, lim, mo); err != nil {
		return err
	}
	defer closer.Close()
	if err := checkDims(*netPath, n, *dataPath, dr.Dim()); err != nil {
		return err
	}
	if n.Outputs() > 1 || dr.Outputs() > 1 { // vector.go
		return evalVector(stdout, n, *netPath, dr, *dataPath, lim)
	}
	e, err := newEvaluator(n, *netPath, lim)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	rows := 0
	for {
		b, err := readBatch(dr, *dataPath, e.growth)
		if err != nil {
			w.Flush()
			return err
		}
		if len(b.X) == 0 {
			break
		}
		rows += len(b.X)
		for _, v := range e.ev.EvalAll(b.X) {
			fmt.Fprintln(w, oracle.FormatRat(v))
		}
	}
	if rows == 0 {
		return usageErr("%s: no data rows after the header", *dataPath)
	}
	return w.Flush()
}

func runVerify(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("verify", "-net g.json|g.safetensors|g.npz -data pts.csv|pts.npz|X.npy,y.npy [-base f.json|f.safetensors|f.npz]", stderr)
	netPath := fs.String("net", "", "network `file` g: JSON, .safetensors or .npz")
	layers := fs.String("layers", "", "`names` of the linear layers of a .safetensors or .npz -net, in order (default: nn.Sequential numbering)")
	dataPath := fs.String("data", "", "data `file` (CSV, .npz or X.npy,y.npy): labels y of f+g with -base, labels y or targets z of g without")
	basePath := fs.String("base", "", "optional frozen network `file` f (JSON, .safetensors or .npz): check f+g")
	baseLayers := fs.String("base-layers", "", "`names` of the linear layers of a .safetensors or .npz -base, in order")
	lim := limitFlags(fs, true)
	mo := modelFlags(fs)
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	if err := checkLimits("verify", lim); err != nil {
		return err
	}
	if err := mo.check("verify"); err != nil {
		return err
	}
	g, err := readNetworkFile(*netPath, lim, mo, *layers, "-layers")
	if err != nil {
		return err
	}
	var f *oracle.Network
	if *basePath != "" {
		if f, err = readNetworkFile(*basePath, lim, mo, *baseLayers, "-base-layers"); err != nil {
			return err
		}
	} else if *baseLayers != "" {
		return usageErr("verify: -base-layers without -base")
	}
	dr, closer, err := openData(*dataPath, lim, mo)
	if err != nil {
		return err
	}
	defer closer.Close()
	if f != nil {
		if err := wantLabel("verify -base", *dataPath, dr.Label(), "y"); err != nil {
			return err
		}
	}
	if err := checkDims(*netPath, g, *dataPath, dr.Dim()); err != nil {
		return err
	}
	if f != nil {
		if err := checkDims(*basePath, f, *dataPath, dr.Dim()); err != nil {
			return err
		}
	}
	if g.Outputs() > 1 || dr.Outputs() > 1 || (f != nil && f.Outputs() > 1) { // vector.go
		return verifyVector(stdout, g, *netPath, f, *basePath, dr, *dataPath, lim)
	}
	v, err := newVerifier(g, *netPath, f, *basePath, lim)
	if err != nil {
		return err
	}
	if err := v.run(dr, *dataPath); err != nil {
		return err
	}
	if mm := v.mismatch; mm != nil {
		fmt.Fprintf(stdout, "verified: no\nfailing-row: %d\ngot: %s\nwant: %s\n", mm.Row, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
		return failed("%s: row %d (line %d): got %s, want %s", *dataPath, mm.Row, v.line, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
	method := "exact (layer by layer)"
	if v.g.ev.Fast() {
		method = "exact (1-D lookup)"
	}
	fmt.Fprintf(stdout, "verified: exact\nrows: %d\nmethod: %s\n", v.rows, method)
	return nil
}

// verifier checks (f+g)(x) = y row by row as the data streams by. After a
// mismatch it still reads (and so checks) the rest of the file: a verdict
// is given only on a file read to its end.
type verifier struct {
	g, f     *evaluator // f nil without -base
	rows     int
	mismatch *oracle.Mismatch
	line     int // source line of the mismatch
}

func newVerifier(g *oracle.Network, gPath string, f *oracle.Network, fPath string, lim *oracle.Limits) (*verifier, error) {
	v := &verifier{}
	var err error
	if v.g, err = newEvaluator(g, gPath, lim); err != nil {
		return nil, err
	}
	if f != nil {
		if v.f, err = newEvaluator(f, fPath, lim); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (v *verifier) run(dr rowSource, dataPath string) error {
	for {
		growth := []*oracle.Growth{v.g.growth}
		if v.f != nil {
			growth = append(growth, v.f.growth)
		}
		b, err := readBatch(dr, dataPath, growth...)
		if err != nil {
			return err
		}
		if len(b.X) == 0 {
			break
		}
		if v.mismatch == nil {
			v.check(b)
		}
		v.rows += len(b.X)
	}
	if v.rows == 0 {
		return usageErr("%s: no data rows after the header", dataPath)
	}
	return nil
}

func (v *verifier) check(b *rowBatch) {
	got := v.g.ev.EvalAll(b.X)
	if v.f != nil {
		for i, fx := range v.f.ev.EvalAll(b.X) {
			got[i].Add(got[i], fx)
		}
	}
	for i := range got {
		if got[i].Cmp(b.Y[i]) != 0 {
			v.mismatch = &oracle.Mismatch{Row: v.rows + i + 1, Got: got[i], Want: b.Y[i]}
			v.line = b.Lines[i]
			return
		}
	}
}
