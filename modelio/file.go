package modelio

// Files by name: the format is chosen by the extension.

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// IsModelFile reports whether path names a file of this package
// (.safetensors, .npz, .npy, or a pair "X.npy,y.npy") rather than
// ftcheck's JSON or CSV.
func IsModelFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".safetensors", ".npz", ".npy":
		return true
	}
	x, y, ok := strings.Cut(path, ",") // an X.npy,y.npy pair
	return ok && strings.EqualFold(filepath.Ext(x), ".npy") && strings.EqualFold(filepath.Ext(y), ".npy")
}

// ReadTensorsFile reads every tensor of a .safetensors or .npz file.
func ReadTensorsFile(path string, lim Limits) ([]*Tensor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".safetensors":
		return ReadSafetensors(bufio.NewReader(f), path, lim)
	case ".npz":
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		return ReadNPZ(f, st.Size(), path, lim)
	default:
		return nil, &FormatError{File: path, Msg: fmt.Sprintf("extension %q is not .safetensors or .npz", ext)}
	}
}

// ReadNetworkFile reads a network from a .safetensors or .npz file, its
// layers in the order layers gives (nn.Sequential numbering when empty; see
// NetworkFromTensors).
func ReadNetworkFile(path string, layers []string, lim Limits) (*oracle.Network, error) {
	ts, err := ReadTensorsFile(path, lim)
	if err != nil {
		return nil, err
	}
	return NetworkFromTensors(ts, path, layers)
}

// ReadDataFile reads a data set from a .npz archive (arrays X, and y or z)
// or from a pair of .npy files given as "X.npy,y.npy" (the labels are z
// when the second file is named z.npy, y otherwise).
func ReadDataFile(spec string, lim Limits) (*Data, error) {
	if xp, yp, ok := strings.Cut(spec, ","); ok {
		x, err := readNPYFile(xp, "X", lim.maxValues())
		if err != nil {
			return nil, err
		}
		label := "y"
		if strings.TrimSuffix(filepath.Base(yp), filepath.Ext(yp)) == "z" {
			label = "z"
		}
		y, err := readNPYFile(yp, label, lim.maxValues()-x.Len())
		if err != nil {
			return nil, err
		}
		return DataFromTensors(x, y, spec)
	}
	ts, err := ReadTensorsFile(spec, lim)
	if err != nil {
		return nil, err
	}
	return DataFromNPZ(ts, spec)
}

// ReadPointsFile reads inputs only (rows of x, no labels): a .npy of shape
// K × d (or K), or the array X of a .npz archive.
func ReadPointsFile(path string, lim Limits) ([][]*big.Rat, error) {
	if strings.ToLower(filepath.Ext(path)) == ".npy" {
		t, err := readNPYFile(path, "X", lim.maxValues())
		if err != nil {
			return nil, err
		}
		return Rows(t, path)
	}
	ts, err := ReadTensorsFile(path, lim)
	if err != nil {
		return nil, err
	}
	for _, t := range ts {
		if t.Name == "X" {
			return Rows(t, path)
		}
	}
	return nil, &FormatError{File: path, Msg: fmt.Sprintf("archive has no array X; it has %s", sortedNames(ts))}
}

func readNPYFile(path, tensor string, max int) (*Tensor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readNPY(bufio.NewReader(f), path, tensor, max)
}

// WriteNetworkFile writes net to path as .safetensors or .npz, chosen by
// the extension, and says how exactly the file holds it. The file appears
// whole or not at all: it is written beside path and renamed into place.
func WriteNetworkFile(path string, net *oracle.Network, opt WriteOptions) (*Export, error) {
	var write func(io.Writer, *oracle.Network, WriteOptions) (*Export, error)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".safetensors":
		write = WriteSafetensors
	case ".npz":
		write = WriteNPZ
	default:
		return nil, fmt.Errorf("%s: extension %q is not .safetensors or .npz", path, ext)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriter(tmp)
	ex, err := write(bw, net, opt)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp's 0600 is for secrets
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return nil, err
	}
	return ex, nil
}
