package main

// Networks with C > 1 outputs (a classifier's logits) on the command line:
// eval prints C outputs a row, verify checks every output, finetune builds
// one g with C outputs whose hidden layers all outputs share
// (construction.TwoLayerVector at -depth 2, construction.U2Vector at
// -depth 3). Data give C labels a row (header y1..yC or
// z1..zC; y of shape K × C in arrays). -heldout counts the points whose
// argmax g changes, and the float check asks whether float evaluation keeps
// every row's argmax. A label count that is not the network's C is bad
// input (exit 2) naming file:line.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// vectorCandidates lists the constructions for C outputs (a variable so
// that tests can plant a broken one).
var vectorCandidates = finetune.VectorCandidates

// vectorBatch is up to batchRows rows with their C labels.
type vectorBatch struct {
	X     [][]*big.Rat
	Ys    [][]*big.Rat
	Lines []int
}

// readVectorBatch reads the next batch of rows with C labels each (C the
// networks' outputs, checked on every row), each row checked against the
// growth bounds; an empty batch means the data has ended.
func readVectorBatch(dr rowSource, dataPath, netPath string, C int, growth ...*oracle.Growth) (*vectorBatch, error) {
	b := &vectorBatch{}
	for len(b.X) < batchRows {
		x, ys, err := dr.NextVec()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if C > 0 && len(ys) != C {
			return nil, labelCountErr(dataPath, dr.Line(), len(ys), dr.Label(), netPath, C)
		}
		for _, g := range growth {
			if err := g.Check(x); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", dataPath, dr.Line(), err)
			}
		}
		b.X, b.Ys, b.Lines = append(b.X, x), append(b.Ys, ys), append(b.Lines, dr.Line())
	}
	return b, nil
}

// labelCountErr is the usage error of a row whose label count is not the
// network's number of outputs.
func labelCountErr(dataPath string, line, got int, label, netPath string, C int) error {
	cols := label
	if got > 1 {
		cols = fmt.Sprintf("%s1..%s%d", label, label, got)
	}
	want := "y (or z) alone"
	if C > 1 {
		want = fmt.Sprintf("y1..y%d (or z1..z%d)", C, C)
	}
	return usageErr("%s:%d: the row has %d label(s) (%s) but the network %s has C = %d outputs: the data need %s", dataPath, line, got, cols, netPath, C, want)
}

// evalVector is eval for a network with C > 1 outputs: one row of C exact
// outputs, comma-separated, per data row.
func evalVector(stdout io.Writer, n *oracle.Network, netPath string, dr rowSource, dataPath string, lim *oracle.Limits) error {
	g, err := oracle.NewGrowth(n, netPath, lim.MaxBits)
	if err != nil {
		return err
	}
	ev := oracle.NewVecEvaluator(n)
	var w strings.Builder
	rows := 0
	for {
		b, err := readVectorBatch(dr, dataPath, netPath, 0, g) // labels are not used
		if err != nil {
			return err
		}
		if len(b.X) == 0 {
			break
		}
		rows += len(b.X)
		for _, out := range ev.EvalAll(b.X) {
			w.WriteString(formatRow(out))
			w.WriteByte('\n')
		}
		if _, err := io.WriteString(stdout, w.String()); err != nil {
			return err
		}
		w.Reset()
	}
	if rows == 0 {
		return usageErr("%s: no data rows after the header", dataPath)
	}
	return nil
}

func formatRow(v []*big.Rat) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = oracle.FormatRat(x)
	}
	return strings.Join(s, ",")
}

// verifyVector is verify when g, f or the data have C > 1 outputs: every
// output of every row exactly, the first failing row and output named. The
// whole file is read (and its label counts checked) before the verdict.
func verifyVector(stdout io.Writer, g *oracle.Network, gPath string, f *oracle.Network, fPath string, dr rowSource, dataPath string, lim *oracle.Limits) error {
	C := g.Outputs()
	if f != nil && f.Outputs() != C {
		return usageErr("verify: the network %s has %d outputs but -base %s has %d", gPath, C, fPath, f.Outputs())
	}
	eg, err := newVecEvaluator(g, gPath, lim)
	if err != nil {
		return err
	}
	growth := []*oracle.Growth{eg.growth}
	var ef *vecEvaluator
	if f != nil {
		if ef, err = newVecEvaluator(f, fPath, lim); err != nil {
			return err
		}
		growth = append(growth, ef.growth)
	}
	var mm *oracle.Mismatch
	line, rows := 0, 0
	for {
		b, err := readVectorBatch(dr, dataPath, gPath, C, growth...)
		if err != nil {
			return err
		}
		if len(b.X) == 0 {
			break
		}
		if mm == nil {
			if _, err := oracle.VerifyVec(g, f, b.X, b.Ys); err != nil {
				m, ok := err.(*oracle.Mismatch)
				if !ok {
					return usageErr("%s: %v", dataPath, err)
				}
				mm, line = m, b.Lines[m.Row-1]
				mm.Row += rows
			}
		}
		rows += len(b.X)
	}
	if rows == 0 {
		return usageErr("%s: no data rows after the header", dataPath)
	}
	if mm != nil {
		out := max(mm.Output, 1)
		fmt.Fprintf(stdout, "verified: no\nfailing-row: %d\nfailing-output: %d\ngot: %s\nwant: %s\n", mm.Row, out, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
		return failed("%s: row %d (line %d), output %d: got %s, want %s", dataPath, mm.Row, line, out, oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
	method := "exact (layer by layer)"
	if eg.ev.Fast() {
		method = "exact (1-D lookup)"
	}
	fmt.Fprintf(stdout, "verified: exact\nrows: %d\noutputs: %d\nmethod: %s\n", rows, C, method)
	return nil
}

// vecEvaluator is a network with C outputs and its growth bound.
type vecEvaluator struct {
	growth *oracle.Growth
	ev     *oracle.VecEvaluator
}

func newVecEvaluator(n *oracle.Network, path string, lim *oracle.Limits) (*vecEvaluator, error) {
	g, err := oracle.NewGrowth(n, path, lim.MaxBits)
	if err != nil {
		return nil, err
	}
	return &vecEvaluator{g, oracle.NewVecEvaluator(n)}, nil
}

// vectorFinetune is the part of finetune after f and the data are read,
// when f or the data have C > 1 outputs.
type vectorFinetune struct {
	f                         *oracle.Network
	d                         *oracle.Data
	netPath, dataPath, layers string
	keepPath, heldoutPath     string
	depth                     int
	out, merged, dtype        string
	lim                       *oracle.Limits
	mo                        *modelOpts
	maxDataCost               int
	kept                      int // -keep points added to the data
}

func (vf *vectorFinetune) run(stdout, stderr io.Writer) error {
	f, d := vf.f, vf.d
	C := f.Outputs()
	if d.Outputs() != C {
		return labelCountErr(vf.dataPath, d.Line(1), d.Outputs(), d.Label, vf.netPath, C)
	}
	if err := checkGrowth(f, vf.netPath, vf.dataPath, d, vf.lim); err != nil {
		return err
	}
	var keep, heldout [][]*big.Rat
	var err error
	if vf.keepPath != "" {
		if keep, err = readPointSet(vf.keepPath, "-keep", f, vf.netPath, vf.lim, vf.mo); err != nil {
			return err
		}
		if err := checkNoOverlap(vf.dataPath, d, vf.keepPath, keep); err != nil {
			return err
		}
	}
	if vf.heldoutPath != "" {
		if heldout, err = readPointSet(vf.heldoutPath, "-heldout", f, vf.netPath, vf.lim, vf.mo); err != nil {
			return err
		}
	}
	all := withKeptVector(f, d, keep)
	vf.kept = len(keep)
	Ys := all.LabelRows()
	v, err := instance.FromNetworkVec(f, all.X, Ys)
	if err != nil {
		return fmt.Errorf("%s: %w", vf.dataPath, err)
	}
	for c := 0; c < C; c++ {
		col := v.Output(c).Z
		if err := checkDataCost(vf.dataPath, all, col, fmt.Sprintf("target z%d = y%d − f(x)%d", c+1, c+1, c+1), vf.maxDataCost); err != nil {
			return err
		}
	}
	best, err := finetune.SmallestVector(v, vf.depth, finetune.VectorOptions{Base: f, Ys: Ys, Candidates: vectorCandidates})
	var nv *finetune.NotVerifiedError
	if errors.As(err, &nv) {
		reportVectorFailures(stderr, finetune.Failures(nv.Tried))
		return failed("%s", nv)
	}
	if err != nil {
		return candidateErr(stderr, err)
	}
	reportVectorFailures(stderr, finetune.Failures(best.Tried))
	return vf.write(stdout, v, best, all.X, Ys, heldout)
}

// write verifies and writes the merged network, counts the held-out argmax
// changes, writes g and prints the certificate.
func (vf *vectorFinetune) write(stdout io.Writer, v *instance.Vector, best *finetune.Result, X, Ys [][]*big.Rat, heldout [][]*big.Rat) error {
	f, g := vf.f, best.Net
	var fg *oracle.Network
	if vf.merged != "" {
		fg = mergeNetworks(f, g)
		if _, err := oracle.VerifyVec(fg, nil, X, Ys); err != nil {
			return failed("finetune: the merged network f+g does not verify: %v; not written", err)
		}
	}
	changed := 0
	if heldout != nil {
		if err := checkGrowth(g, "g", vf.heldoutPath, &oracle.Data{X: heldout}, vf.lim); err != nil {
			return err
		}
		fx := oracle.NewVecEvaluator(f).EvalAll(heldout)
		gx := oracle.NewVecEvaluator(g).EvalAll(heldout)
		for i := range heldout {
			sum := make([]*big.Rat, len(fx[i]))
			for c := range sum {
				sum[c] = new(big.Rat).Add(fx[i][c], gx[i][c])
			}
			if argmaxRat(sum) != argmaxRat(fx[i]) {
				changed++
			}
		}
	}
	opt := modelio.WriteOptions{DType: vf.dtype}
	gEx, err := writeNetwork(vf.out, g, opt)
	if err != nil {
		return outputErr("finetune: -out", err)
	}
	var fgEx *modelio.Export
	if fg != nil {
		mopt := opt
		if names, _ := modelio.ParseLayers(vf.layers); len(names) == len(fg.Layers) {
			mopt.Layers = names
		}
		if fgEx, err = writeNetwork(vf.merged, fg, mopt); err != nil {
			return outputErr("finetune: -merged", err)
		}
	}
	var notes []string
	if heldout != nil {
		notes = append(notes, "heldout-changed counts the points where the argmax of f+g (first largest output) is not f's")
	}
	printCertificate(stdout, v.Support(), vf.depth, best, vf.out, notes)
	fmt.Fprintf(stdout, "C: %d\n", v.Outputs())
	if vf.keepPath != "" {
		fmt.Fprintf(stdout, "kept: %d\n", vf.kept)
	}
	if heldout != nil {
		fmt.Fprintf(stdout, "heldout-changed: %d/%d\n", changed, len(heldout))
	}
	if fg != nil {
		fmt.Fprintf(stdout, "merged: %s\nmerged-verified: exact\n", vf.merged)
	}
	if gEx != nil {
		fmt.Fprintf(stdout, "g-weights: %s\n", gEx)
	}
	if fgEx != nil {
		fmt.Fprintf(stdout, "merged-weights: %s\n", fgEx)
	}
	if gEx != nil || fg != nil {
		nets := []*floatNet{newFloatNet(f, vf.dtype), newFloatNet(g, vf.dtype)}
		if fg != nil {
			nets = []*floatNet{newFloatNet(fg, vf.dtype)}
		}
		checkFloatVector(nets, X, Ys).print(stdout)
	}
	return nil
}

// reportVectorFailures names each construction that failed verification,
// with the row and the output: a bug in that construction, never used.
func reportVectorFailures(stderr io.Writer, fails []finetune.Try) {
	for _, t := range fails {
		mm := t.Mismatch
		fmt.Fprintf(stderr, "ftcheck: construction %s failed verification at row %d, output %d (got %s, want %s); not used\n",
			t.Name, mm.Row, max(mm.Output, 1), oracle.FormatRat(mm.Got), oracle.FormatRat(mm.Want))
	}
}

// withKeptVector is the data with the kept points added, each labelled
// f(x) ∈ ℚ^C.
func withKeptVector(f *oracle.Network, d *oracle.Data, keep [][]*big.Rat) *oracle.Data {
	if len(keep) == 0 {
		return d
	}
	all := &oracle.Data{Label: d.Label}
	all.X = append(append(all.X, d.X...), keep...)
	all.Ys = append(append(all.Ys, d.LabelRows()...), oracle.NewVecEvaluator(f).EvalAll(keep)...)
	if f.Outputs() == 1 {
		for _, y := range all.Ys {
			all.Y = append(all.Y, y[0])
		}
		all.Ys = nil
	}
	for i := range d.X {
		all.Lines = append(all.Lines, d.Line(i+1))
	}
	all.Lines = append(all.Lines, rowNumbers(len(keep))...)
	return all
}

// argmaxRat is the first index of the largest value.
func argmaxRat(v []*big.Rat) int {
	best := 0
	for c := range v {
		if v[c].Cmp(v[best]) > 0 {
			best = c
		}
	}
	return best
}

// argmaxFloat is argmaxRat in floats; a NaN makes it −1 (never a label's).
func argmaxFloat(v []float64) int {
	best := 0
	for c, x := range v {
		if math.IsNaN(x) {
			return -1
		}
		if x > v[best] {
			best = c
		}
	}
	return best
}

// vectorFloatCheck is checkFloat for C outputs: the largest error over
// every row and output, and the rows whose float argmax is not the
// labels' argmax (the first largest, exactly).
type vectorFloatCheck struct {
	maxErr64, maxErr32 *big.Rat
	inf64, inf32       bool
	argBad64, argBad32 int
}

func checkFloatVector(nets []*floatNet, X, Ys [][]*big.Rat) *vectorFloatCheck {
	fc := &vectorFloatCheck{maxErr64: new(big.Rat), maxErr32: new(big.Rat)}
	var d big.Rat
	see := func(out []float64, ys []*big.Rat, maxErr *big.Rat, inf *bool, bad *int) {
		if argmaxFloat(out) != argmaxRat(ys) {
			*bad++
		}
		for c, o := range out {
			if math.IsNaN(o) || math.IsInf(o, 0) {
				*inf = true
				continue
			}
			d.SetFloat64(o)
			d.Sub(&d, ys[c]).Abs(&d)
			if d.Cmp(maxErr) > 0 {
				maxErr.Set(&d)
			}
		}
	}
	for i, x := range X {
		x64 := make([]float64, len(x))
		for j, v := range x {
			x64[j], _ = v.Float64()
		}
		C := len(Ys[i])
		o64, s32 := make([]float64, C), make([]float32, C)
		for _, n := range nets {
			a, b := n.eval64Vec(x64), n.eval32Vec(x64)
			for c := range o64 {
				o64[c] += a[c]
				s32[c] += float32(b[c])
			}
		}
		o32 := make([]float64, C)
		for c, v := range s32 {
			o32[c] = float64(v)
		}
		see(o64, Ys[i], fc.maxErr64, &fc.inf64, &fc.argBad64)
		see(o32, Ys[i], fc.maxErr32, &fc.inf32, &fc.argBad32)
	}
	return fc
}

func (fc *vectorFloatCheck) print(w io.Writer) {
	fmt.Fprintf(w, "float64-max-error: %s\nfloat32-max-error: %s\n", floatErr(fc.maxErr64, fc.inf64), floatErr(fc.maxErr32, fc.inf32))
	if fc.argBad64 == 0 && fc.argBad32 == 0 {
		fmt.Fprintf(w, "float-preserves: argmax yes\n")
		return
	}
	fmt.Fprintf(w, "float-preserves: argmax no (rows with another argmax: %d in float64, %d in float32)\n", fc.argBad64, fc.argBad32)
}
