package main

// Real model files on the command line: networks as .safetensors or .npz
// (package modelio), data as .npz or an X.npy,y.npy pair, points to keep
// or to measure as CSV x1..xd, .npy or .npz. Every number is read exactly;
// a network has C ≥ 1 outputs, data C labels per row (vector.go).

import (
	"bufio"
	"flag"
	"io"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// modelOpts are the flags of model files: the value limit of modelio.
type modelOpts struct {
	maxValues int
}

// modelFlags adds -max-values to fs.
func modelFlags(fs *flag.FlagSet) *modelOpts {
	mo := &modelOpts{}
	fs.IntVar(&mo.maxValues, "max-values", modelio.DefaultMaxValues, "limit: `numbers` in one .safetensors, .npz or .npy file, all arrays together, checked against the shapes before decoding (0: none)")
	return mo
}

func (mo *modelOpts) check(name string) error {
	if mo.maxValues < 0 {
		return usageErr("%s: -max-values is 0 (none) or positive, got %d", name, mo.maxValues)
	}
	return nil
}

func (mo *modelOpts) limits() modelio.Limits {
	if mo.maxValues == 0 {
		return modelio.Limits{MaxValues: math.MaxInt}
	}
	return modelio.Limits{MaxValues: mo.maxValues}
}

// isNetworkModel reports whether a network path is a model file rather
// than JSON.
func isNetworkModel(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".safetensors", ".npz":
		return true
	}
	return false
}

// readModelNetwork reads a network from a .safetensors or .npz file, its
// layers in the order of layers (a -layers value; nn.Sequential numbering
// when empty), and checks that it is a valid network (C ≥ 1 outputs).
func readModelNetwork(path, layers, flagName string, mo *modelOpts) (*oracle.Network, error) {
	names, err := modelio.ParseLayers(layers)
	if err != nil {
		return nil, usageErr("%s: %v", flagName, err)
	}
	n, err := modelio.ReadNetworkFile(path, names, mo.limits())
	if err != nil {
		return nil, err // names the file (modelio's errors, *fs.PathError)
	}
	return n, validateNetwork(path, n)
}

// validateNetwork is oracle's Validate as a usage error naming the file.
func validateNetwork(path string, n *oracle.Network) error {
	if err := n.Validate(); err != nil {
		return usageErr("%s: %v", path, err)
	}
	return nil
}

// readModelData reads a data set from a .npz archive (X, and y or z) or an
// X.npy,y.npy pair, with C labels per row (y of shape K or K × C). Lines
// holds the row numbers (1-based), which messages give in place of line
// numbers.
func readModelData(spec string, mo *modelOpts) (*oracle.Data, error) {
	d, err := modelio.ReadDataFile(spec, mo.limits())
	if err != nil {
		return nil, err
	}
	od, err := d.Oracle()
	if err != nil {
		return nil, usageErr("%s: %v", spec, err)
	}
	od.Lines = make([]int, od.K())
	for i := range od.Lines {
		od.Lines[i] = i + 1
	}
	return od, nil
}

// memSource serves the rows of data held in memory as a DataReader does.
type memSource struct {
	d   *oracle.Data
	row int // rows returned so far
}

func (m *memSource) Next() ([]*big.Rat, *big.Rat, error) {
	if m.row >= m.d.K() {
		return nil, nil, io.EOF
	}
	m.row++
	if m.d.Outputs() != 1 {
		return nil, nil, usageErr("row %d has %d labels; one label per row is wanted here", m.row, m.d.Outputs())
	}
	return m.d.X[m.row-1], m.d.Y[m.row-1], nil
}
func (m *memSource) NextVec() ([]*big.Rat, []*big.Rat, error) {
	if m.row >= m.d.K() {
		return nil, nil, io.EOF
	}
	m.row++
	return m.d.X[m.row-1], m.d.Labels(m.row - 1), nil
}
func (m *memSource) Outputs() int  { return m.d.Outputs() }
func (m *memSource) Line() int     { return m.d.Line(m.row) }
func (m *memSource) Dim() int      { return m.d.Dim() }
func (m *memSource) Label() string { return m.d.Label }

// readPoints reads inputs without labels: a CSV with header x1..xd, a .npy
// (K × d, or K) or the X of a .npz. flagName names the flag in errors.
func readPoints(path, flagName string, lim *oracle.Limits, mo *modelOpts) ([][]*big.Rat, error) {
	if path == "" {
		return nil, usageErr("%s: the file name is empty", flagName)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".npy", ".npz":
		return modelio.ReadPointsFile(path, mo.limits())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr("%s: %v", flagName, err)
	}
	defer f.Close()
	return readPointsDialect(f, path, *lim)
}

// readPointsCSV reads a CSV of points whole (pointReader, points.go).
func readPointsCSV(r io.Reader, name string, lim oracle.Limits) ([][]*big.Rat, error) {
	p, err := newPointReader(r, name, lim)
	if err != nil {
		return nil, err
	}
	var X [][]*big.Rat
	for {
		x, err := p.Next()
		if err == io.EOF {
			return X, nil
		}
		if err != nil {
			return nil, err
		}
		X = append(X, x)
	}
}

// readCSVLine reads one line of at most max bytes, without its line end.
func readCSVLine(br *bufio.Reader, max int) (string, bool, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max+2 {
			return "", false, &oracle.LimitError{Limit: "max-digits", Got: len(buf) + len(chunk), What: "line length"}
		}
		buf = append(buf, chunk...)
		switch err {
		case nil:
			return strings.TrimSuffix(strings.TrimSuffix(string(buf), "\n"), "\r"), false, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return strings.TrimSuffix(string(buf), "\r"), true, nil
		default:
			return "", false, err
		}
	}
}

// pointKey is a canonical text of a point, equal for equal points.
func pointKey(x []*big.Rat) string {
	var b strings.Builder
	for j, v := range x {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(v.RatString())
	}
	return b.String()
}
