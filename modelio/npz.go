package modelio

// The NPZ format: a zip archive (stored or deflated) of NPY files, one per
// array, the array's name being the entry's name less ".npy" (numpy.savez
// and numpy.savez_compressed). archive/zip checks each entry's size and CRC
// when it is read to its end.

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadNPZ reads every array of a .npz archive of the given size exactly, in
// the archive's order. file names the input in errors. What it allocates is
// bounded by the archive's size and by lim.MaxValues (checked against each
// array's shape before its data is read).
func ReadNPZ(r io.ReaderAt, size int64, file string, lim Limits) ([]*Tensor, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FormatError{File: file, Msg: "not a valid .npz (zip) archive", Err: err}
	}
	seen := map[string]bool{}
	var out []*Tensor
	left := lim.maxValues()
	for _, f := range zr.File {
		name, ok := strings.CutSuffix(f.Name, ".npy")
		if !ok {
			return nil, &FormatError{File: file, Tensor: f.Name, Msg: "archive entry is not a .npy array"}
		}
		if seen[name] {
			return nil, &FormatError{File: file, Tensor: name, Msg: "array is in the archive twice"}
		}
		seen[name] = true
		t, err := readNPZEntry(f, file, name, left)
		if err != nil {
			return nil, err
		}
		left -= t.Len()
		out = append(out, t)
	}
	return out, nil
}

func readNPZEntry(f *zip.File, file, name string, max int) (*Tensor, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &FormatError{File: file, Tensor: name, Msg: "opening the archive entry", Err: err}
	}
	defer rc.Close()
	t, err := readNPY(rc, file, name, max)
	var le *FormatError
	if errors.As(err, &le) && le.Err != nil && errors.Is(le.Err, zip.ErrChecksum) {
		le.Msg = "archive entry is corrupt"
	}
	return t, err
}

// npzWriter writes arrays into a .npz archive as numpy.savez does (stored,
// not compressed).
type npzWriter struct {
	zw *zip.Writer
}

func (w npzWriter) write(t rawTensor, descr string) error {
	e, err := w.zw.CreateHeader(&zip.FileHeader{Name: t.name + ".npy", Method: zip.Store})
	if err != nil {
		return err
	}
	if _, err := e.Write(npyHeaderBytes(descr, t.shape)); err != nil {
		return err
	}
	_, err = e.Write(t.data)
	return err
}

// npyHeaderBytes is the version 1.0 NPY preamble of a C-order array, padded
// with spaces so that the data starts at a multiple of 64 bytes as numpy
// writes it.
func npyHeaderBytes(descr string, shape []int) []byte {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = fmt.Sprint(d)
	}
	tuple := "(" + strings.Join(parts, ", ") + ")"
	if len(shape) == 1 {
		tuple = "(" + parts[0] + ",)"
	}
	dict := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, tuple)
	pre := len(npyMagic) + 2 + 2
	pad := (64 - (pre+len(dict)+1)%64) % 64
	hdr := dict + strings.Repeat(" ", pad) + "\n"
	b := []byte(npyMagic + "\x01\x00")
	b = append(b, byte(len(hdr)), byte(len(hdr)>>8))
	return append(b, hdr...)
}

// writeNPY writes one array as a .npy file.
func writeNPY(w io.Writer, t rawTensor, descr string) error {
	if _, err := w.Write(npyHeaderBytes(descr, t.shape)); err != nil {
		return err
	}
	_, err := w.Write(t.data)
	return err
}

func newZipWriter(w io.Writer) *zip.Writer { return zip.NewWriter(w) }
