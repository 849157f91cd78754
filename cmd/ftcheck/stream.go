package main

// finetune of a network with one output streams its rows (finetune.Stream):
// the data and the -keep points are read again on every pass, so memory is
// the networks, the N changed rows, one batch and 32 bytes a row (hashes
// that tell rows and their projections apart), whatever K is. The passes:
//
//  1. every row: dimension, f's growth bound, z = y − f(x), hashes;
//  2. the gaps along the direction taken (finetune/stream.go), one per
//     candidate verified (g(x) = z on every row);
//  3. with -merged or an exported float file: the merged network f+g
//     verified on every row (f+g = y on the data, f on the kept points) and
//     the float64/float32 evaluation of the deployed model measured;
//  4. with -heldout: the held-out points, counting those g changes.
//
// Each file is checked (size and modification time) before and after every
// pass: data that change while they are read are an error, not a verdict.

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// streamSource is finetune's -data rows and -keep points, pass after pass.
type streamSource struct {
	dataPath, keepPath, netPath string
	lim                         *oracle.Limits
	mo                          *modelOpts
	f                           *oracle.Network
	growth                      *oracle.Growth // f's, checked on every row
	arrays                      *oracle.Data   // -data held in memory (.npz, .npy pairs), read once
	keepArrays                  [][]*big.Rat
	stamps                      map[string]fileStamp
	passes                      int
	rows, kept                  int // counted in the first pass
}

type fileStamp struct {
	size int64
	mod  time.Time
}

// stamp checks that path is as the first pass found it.
func (s *streamSource) stamp(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return usageErr("%v", err)
	}
	now := fileStamp{fi.Size(), fi.ModTime()}
	if old, ok := s.stamps[path]; ok && old != now {
		return usageErr("finetune: %s changed while it was being read (size or modification time); nothing was written", path)
	}
	s.stamps[path] = now
	return nil
}

// stampAll checks every file the source reads (data may be "X.npy,y.npy").
func (s *streamSource) stampAll() error {
	paths := splitPair(s.dataPath)
	if s.keepPath != "" {
		paths = append(paths, s.keepPath)
	}
	for _, p := range paths {
		if err := s.stamp(p); err != nil {
			return err
		}
	}
	return nil
}

func (s *streamSource) Pass(fn func(c *finetune.Chunk) error) error {
	s.passes++
	first := s.passes == 1
	if err := s.stampAll(); err != nil {
		return err
	}
	see := fn
	if first {
		see = func(c *finetune.Chunk) error {
			if c.Y == nil {
				s.kept += len(c.X)
			} else {
				s.rows += len(c.X)
			}
			return fn(c)
		}
	}
	if err := s.each(see); err != nil {
		return err
	}
	return s.stampAll()
}

// each reads the data rows and then the keep points in batches.
func (s *streamSource) each(fn func(c *finetune.Chunk) error) error {
	var dr rowSource
	if s.arrays != nil {
		dr = &memSource{d: s.arrays}
	} else {
		var closer io.Closer
		var err error
		if dr, closer, err = openData(s.dataPath, s.lim, s.mo); err != nil {
			return err
		}
		defer closer.Close()
	}
	for {
		b, err := readBatch(dr, s.dataPath, s.growth)
		if err != nil {
			return err
		}
		if len(b.X) == 0 {
			break
		}
		if err := fn(&finetune.Chunk{X: b.X, Y: b.Y, Name: s.dataPath, Lines: b.Lines}); err != nil {
			return err
		}
	}
	if s.keepPath == "" {
		return nil
	}
	return s.eachKept(fn)
}

func (s *streamSource) eachKept(fn func(c *finetune.Chunk) error) error {
	var ps pointSource
	if s.keepArrays != nil {
		ps = &slicePoints{X: s.keepArrays}
	} else {
		var closer io.Closer
		var err error
		if ps, closer, err = openPoints(s.keepPath, "-keep", s.lim, s.mo); err != nil {
			return err
		}
		defer closer.Close()
		if ps.Dim() != s.f.InputDim() {
			return usageErr("-keep: %s has points of %d coordinates, but the network %s takes %d inputs", s.keepPath, ps.Dim(), s.netPath, s.f.InputDim())
		}
	}
	return eachPoints(ps, s.keepPath, s.growth, func(X [][]*big.Rat, lines []int) error {
		return fn(&finetune.Chunk{X: X, Name: s.keepPath, Lines: lines})
	})
}

// eachPoints reads ps in batches, each point checked against the growth
// bound.
func eachPoints(ps pointSource, path string, growth *oracle.Growth, fn func(X [][]*big.Rat, lines []int) error) error {
	for {
		var X [][]*big.Rat
		var lines []int
		for len(X) < batchRows {
			x, err := ps.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if len(x) != ps.Dim() {
				return usageErr("%s:%d: %d coordinates, the first point has %d", path, ps.Line(), len(x), ps.Dim())
			}
			if err := growth.Check(x); err != nil {
				return fmt.Errorf("%s:%d: %w", path, ps.Line(), err)
			}
			X, lines = append(X, x), append(lines, ps.Line())
		}
		if len(X) == 0 {
			return nil
		}
		if err := fn(X, lines); err != nil {
			return err
		}
	}
}

// streamDuplicate names the two equal points the streamer finds (rows
// numbered over the data and then the kept points) as the in-memory readers
// did: rows of -data, points of -keep, or one of each.
func (s *streamSource) streamDuplicate(dup *oracle.DuplicatePointError) error {
	keepI, keepJ := dup.I > s.rows, dup.J > s.rows
	i, j := dup.I, dup.J
	if keepI {
		i -= s.rows
	}
	if keepJ {
		j -= s.rows
	}
	d := &oracle.DuplicatePointError{I: i, J: j}
	switch {
	case !keepI && !keepJ:
		return usageErr("%s: %v", s.dataPath, d)
	case keepI && keepJ:
		return usageErr("-keep: %s: %v", s.keepPath, d)
	}
	return usageErr("finetune: point %d of -keep %s is row %d of -data %s: a point is either kept or changed, not both", j, s.keepPath, i, s.dataPath)
}

// reducedCost is -max-data-cost on the instance the constructions see: its
// K' ≤ 3N+2 points along the projection, estimated as K'²·⌈b/64⌉².
func reducedCost(dataPath string, limit int) func(*instance.Instance) error {
	return func(red *instance.Instance) error {
		b := 0
		for i, x := range red.X {
			for _, v := range []*big.Rat{x[0], red.Z[i]} {
				b = max(b, v.Num().BitLen(), v.Denom().BitLen())
			}
		}
		return overDataCost(red.K(), b, limit, func(K int64, b int) string {
			return fmt.Sprintf("%s: exact work on the %d points the constructions keep along the projection, whose largest number has %d bits, estimated as K'²·⌈b/64⌉², is", dataPath, K, b)
		})
	}
}

// newStreamSource prepares the data (d: arrays already read, or nil for a
// CSV streamed on every pass) and the -keep points (arrays read once here).
func newStreamSource(f *oracle.Network, netPath string, d *oracle.Data, dataPath, keepPath string, lim *oracle.Limits, mo *modelOpts) (*streamSource, error) {
	g, err := oracle.NewGrowth(f, netPath, lim.MaxBits)
	if err != nil {
		return nil, err
	}
	s := &streamSource{dataPath: dataPath, keepPath: keepPath, netPath: netPath, lim: lim, mo: mo, f: f,
		growth: g, arrays: d, stamps: map[string]fileStamp{}}
	if keepPath != "" && isPointArrays(keepPath) {
		if s.keepArrays, err = readPoints(keepPath, "-keep", lim, mo); err != nil {
			return nil, err
		}
		if dd := len(s.keepArrays[0]); dd != f.InputDim() {
			return nil, usageErr("-keep: %s has points of %d coordinates, but the network %s takes %d inputs", keepPath, dd, netPath, f.InputDim())
		}
	}
	return s, nil
}

func isPointArrays(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".npy" || ext == ".npz"
}

// splitPair is the files of a data path: an X.npy,y.npy pair names two.
func splitPair(path string) []string {
	if x, y, ok := strings.Cut(path, ","); ok && modelio.IsModelFile(path) {
		return []string{x, y}
	}
	return []string{path}
}

// streamFinetune is finetune for a network with one output.
type streamFinetune struct {
	src                                     *streamSource
	heldoutPath, out, merged, dtype, layers string
	depth, maxDataCost                      int
}

func (sf *streamFinetune) run(stdout, stderr io.Writer) error {
	src := sf.src
	f := src.f
	best, err := finetune.Stream(src, f, sf.depth, finetune.Options{Candidates: candidates, Reduced: reducedCost(src.dataPath, sf.maxDataCost)})
	if err != nil {
		var dup *oracle.DuplicatePointError
		var nd *finetune.NoDirectionError
		var rc *finetune.RowsChangedError
		switch {
		case errors.As(err, &dup):
			return src.streamDuplicate(dup)
		case errors.As(err, &nd), errors.As(err, &rc):
			return usageErr("finetune: %v", err)
		}
		return candidateErr(stderr, err)
	}
	reportFailures(stderr, finetune.Failures(best.Tried))
	g := best.Net
	notes := roundingNotes(f, changedRows(f, best.Changed), src.dataPath)
	var fg *oracle.Network
	if sf.merged != "" {
		fg = mergeNetworks(f, g)
	}
	var fc *floatCheck
	exported := outputFormat(sf.out) != "json" || fg != nil
	if exported {
		nets := []*floatNet{newFloatNet(f, sf.dtype), newFloatNet(g, sf.dtype)}
		if fg != nil {
			nets = []*floatNet{newFloatNet(fg, sf.dtype)}
		}
		if fc, err = sf.deployedPass(fg, nets); err != nil {
			return err
		}
	}
	changed, heldout := 0, 0
	if sf.heldoutPath != "" {
		if changed, heldout, err = sf.countChanged(g); err != nil {
			return err
		}
	}
	opt := modelio.WriteOptions{DType: sf.dtype}
	gEx, err := writeNetwork(sf.out, g, opt)
	if err != nil {
		return outputErr("finetune: -out", err)
	}
	var fgEx *modelio.Export
	if fg != nil {
		mopt := opt
		if names, _ := modelio.ParseLayers(sf.layers); len(names) == len(fg.Layers) {
			mopt.Layers = names // the names of f's layers, when the merge kept f's depth
		}
		if fgEx, err = writeNetwork(sf.merged, fg, mopt); err != nil {
			return outputErr("finetune: -merged", err)
		}
	}
	printCertificateKN(stdout, best.K, best.N, best.Dim, sf.depth, best.Result, sf.out, notes)
	fmt.Fprintf(stdout, "passes: %d\n", src.passes)
	if src.keepPath != "" {
		fmt.Fprintf(stdout, "kept: %d\n", src.kept)
	}
	if sf.heldoutPath != "" {
		fmt.Fprintf(stdout, "heldout-changed: %d/%d\n", changed, heldout)
	}
	if fg != nil {
		fmt.Fprintf(stdout, "merged: %s\nmerged-verified: exact\n", sf.merged)
	}
	if gEx != nil {
		fmt.Fprintf(stdout, "g-weights: %s\n", gEx)
	}
	if fgEx != nil {
		fmt.Fprintf(stdout, "merged-weights: %s\n", fgEx)
	}
	if fc != nil {
		fc.print(stdout)
	}
	return nil
}

// changedRows are the rows of T with their labels y = f(x) + z.
func changedRows(f *oracle.Network, T []finetune.Changed) *oracle.Data {
	d := &oracle.Data{}
	for _, c := range T {
		d.X = append(d.X, c.X)
		d.Lines = append(d.Lines, c.Line)
	}
	for i, fx := range oracle.NewEvaluator(f).EvalAll(d.X) {
		d.Y = append(d.Y, fx.Add(fx, T[i].Z))
	}
	return d
}

// deployedPass reads every row once more: the merged network (when given)
// verified exactly, f+g = y on the data and f on the kept points, and the
// float evaluation of the deployed model measured against those labels.
func (sf *streamFinetune) deployedPass(fg *oracle.Network, nets []*floatNet) (*floatCheck, error) {
	fe := oracle.NewEvaluator(sf.src.f)
	var me *oracle.Evaluator
	if fg != nil {
		me = oracle.NewEvaluator(fg)
	}
	fc := &floatCheck{maxErr64: new(big.Rat), maxErr32: new(big.Rat)}
	var bad error
	err := sf.src.Pass(func(c *finetune.Chunk) error {
		Y := c.Y
		if Y == nil {
			Y = fe.EvalAll(c.X)
		}
		if me != nil && bad == nil {
			for i, v := range me.EvalAll(c.X) {
				if v.Cmp(Y[i]) != 0 {
					bad = failed("finetune: the merged network f+g does not verify: %s:%d: got %s, want %s; not written",
						c.Name, c.Lines[i], oracle.FormatRat(v), oracle.FormatRat(Y[i]))
					break
				}
			}
		}
		fc.merge(checkFloat(nets, c.X, Y))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fc, bad
}

// merge adds the rows of o to fc.
func (fc *floatCheck) merge(o *floatCheck) {
	if o.maxErr64.Cmp(fc.maxErr64) > 0 {
		fc.maxErr64.Set(o.maxErr64)
	}
	if o.maxErr32.Cmp(fc.maxErr32) > 0 {
		fc.maxErr32.Set(o.maxErr32)
	}
	fc.inf64, fc.inf32 = fc.inf64 || o.inf64, fc.inf32 || o.inf32
	fc.signBad64 += o.signBad64
	fc.signBad32 += o.signBad32
}

// countChanged reads the -heldout points: how many of them g changes.
func (sf *streamFinetune) countChanged(g *oracle.Network) (changed, total int, err error) {
	src := sf.src
	ps, closer, err := openPoints(sf.heldoutPath, "-heldout", src.lim, src.mo)
	if err != nil {
		return 0, 0, err
	}
	defer closer.Close()
	if ps.Dim() != src.f.InputDim() {
		return 0, 0, usageErr("-heldout: %s has points of %d coordinates, but the network %s takes %d inputs", sf.heldoutPath, ps.Dim(), src.netPath, src.f.InputDim())
	}
	gg, err := oracle.NewGrowth(g, "g", src.lim.MaxBits)
	if err != nil {
		return 0, 0, err
	}
	ev := oracle.NewEvaluator(g)
	err = eachPoints(ps, sf.heldoutPath, gg, func(X [][]*big.Rat, _ []int) error {
		total += len(X)
		for _, v := range ev.EvalAll(X) {
			if v.Sign() != 0 {
				changed++
			}
		}
		return nil
	})
	return changed, total, err
}
