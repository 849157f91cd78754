package main

import (
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// newFlags returns a flag set that prints its usage to stderr and reports
// errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: ftcheck %s %s\n\nflags:\n", name, synopsis)
		out := fs.Output()
		fs.SetOutput(stderr) // parseFlags silences the flag package's own output
		fs.PrintDefaults()
		fs.SetOutput(out)
	}
	return fs
}

// parseFlags parses args; -h is success (usage printed), anything else wrong
// is a usage error. It also rejects leftover positional arguments when
// positional is false.
func parseFlags(fs *flag.FlagSet, args []string, positional bool) (help bool, err error) {
	out := fs.Output()
	fs.SetOutput(io.Discard) // Parse prints usage via fs.Usage; the error we print, with the prefix
	perr := fs.Parse(args)
	fs.SetOutput(out)
	if perr == flag.ErrHelp { // Parse has printed the usage
		return true, nil
	}
	if perr != nil {
		return false, usageErr("%s: %v", fs.Name(), perr)
	}
	if !positional && fs.NArg() > 0 {
		return false, usageErr("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return false, nil
}

// limitFlags adds the resource limits of oracle.Limits to fs: -max-digits
// always, -max-bits when the command evaluates networks.
func limitFlags(fs *flag.FlagSet, bits bool) *oracle.Limits {
	lim := oracle.DefaultLimits
	fs.IntVar(&lim.MaxDigits, "max-digits", lim.MaxDigits, "limit: decimal `digits` of one number in an input file, numerator and denominator written out (0: none)")
	if bits {
		fs.IntVar(&lim.MaxBits, "max-bits", lim.MaxBits, "limit: `bits` of the exact values a network's evaluation may reach, layer by layer (0: none)")
	}
	return &lim
}

// checkLimits rejects negative limits.
func checkLimits(name string, lim *oracle.Limits) error {
	if lim.MaxDigits < 0 || lim.MaxBits < 0 {
		return usageErr("%s: limits are 0 (none) or positive, got -max-digits %d -max-bits %d", name, lim.MaxDigits, lim.MaxBits)
	}
	return nil
}

// readNetworkFile reads a network: JSON, or .safetensors and .npz by
// extension (mo non-nil), the latter's layers in the order of layers (a
// -layers value, flagName naming it in errors).
func readNetworkFile(path string, lim *oracle.Limits, mo *modelOpts, layers, flagName string) (*oracle.Network, error) {
	if path == "" {
		return nil, usageErr("missing -net file")
	}
	if mo != nil && isNetworkModel(path) {
		return readModelNetwork(path, layers, flagName, mo)
	}
	if layers != "" {
		return nil, usageErr("%s names layers of a .safetensors or .npz file, but %s is JSON", flagName, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	defer f.Close()
	return oracle.ReadNetworkLimits(f, path, *lim)
}

func readDataFile(path string, lim *oracle.Limits) (*oracle.Data, error) {
	if path == "" {
		return nil, usageErr("missing -data file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	defer f.Close()
	d, err := oracle.ReadDataLimits(csvIn(f, path), path, *lim)
	return d, dialectErr(err)
}

// readAnyData reads a data file: CSV, or (mo non-nil) a .npz archive or an
// X.npy,y.npy pair.
func readAnyData(path string, lim *oracle.Limits, mo *modelOpts) (*oracle.Data, error) {
	if mo != nil && path != "" && modelio.IsModelFile(path) {
		return readModelData(path, mo)
	}
	return readDataFile(path, lim)
}

// rowSource is data read row by row: a CSV as it streams by, or a model
// file's arrays held in memory.
type rowSource interface {
	Next() ([]*big.Rat, *big.Rat, error)
	// NextVec is Next with the row's C labels, Outputs is C (vector.go).
	NextVec() ([]*big.Rat, []*big.Rat, error)
	Outputs() int
	Line() int // the source line (a row number for arrays) of the row Next returned last
	Dim() int
	Label() string
}

// openData opens a data file for reading row by row; close it when done.
// With mo non-nil, .npz archives and X.npy,y.npy pairs are read too.
func openData(path string, lim *oracle.Limits, mo *modelOpts) (rowSource, io.Closer, error) {
	if path == "" {
		return nil, nil, usageErr("missing -data file")
	}
	if mo != nil && modelio.IsModelFile(path) {
		d, err := readModelData(path, mo)
		if err != nil {
			return nil, nil, err
		}
		return &memSource{d: d}, io.NopCloser(nil), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, usageErr("%v", err)
	}
	dr, err := oracle.NewDataReader(csvIn(f, path), path, *lim)
	if err != nil {
		f.Close()
		return nil, nil, dialectErr(err)
	}
	return dialectSource{dr}, f, nil
}

// wantLabel checks the data header's label column: "y" are labels of f+g,
// "z" targets of g alone (INTERFACE.md); a command that needs one refuses
// the other.
func wantLabel(cmd, path, got, want string) error {
	if got == want {
		return nil
	}
	meaning := map[string]string{"y": "labels of f+g", "z": "targets of g alone"}
	return usageErr("%s: %s: the header's last column is %s (%s), but %s needs %s (%s); rename the column if that is what the file holds",
		cmd, path, got, meaning[got], cmd, want, meaning[want])
}

// checkDims reports a dimension mismatch between a network and data.
func checkDims(netPath string, n *oracle.Network, dataPath string, dim int) error {
	if n.InputDim() != dim {
		return usageErr("%s: network takes %d inputs but %s has %d columns x1..x%d", netPath, n.InputDim(), dataPath, dim, dim)
	}
	return nil
}
