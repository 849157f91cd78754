package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ftcheck/ftcheck/oracle"
)

// newFlags returns a flag set that prints its usage to stderr and reports
// errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: ftcheck %s %s\n", name, synopsis)
		fs.PrintDefaults()
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

func readNetworkFile(path string) (*oracle.Network, error) {
	if path == "" {
		return nil, usageErr("missing -net file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	defer f.Close()
	return oracle.ReadNetwork(f, path)
}

func readDataFile(path string) (*oracle.Data, error) {
	if path == "" {
		return nil, usageErr("missing -data file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	defer f.Close()
	return oracle.ReadData(f, path)
}

// checkDims reports a dimension mismatch between a network and data.
func checkDims(netPath string, n *oracle.Network, dataPath string, d *oracle.Data) error {
	if n.InputDim() != d.Dim() {
		return usageErr("%s: network takes %d inputs but %s has %d columns x1..x%d", netPath, n.InputDim(), dataPath, d.Dim(), d.Dim())
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so a failed run never leaves half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
