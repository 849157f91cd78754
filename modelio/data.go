package modelio

// Data sets from NumPy arrays: inputs X of shape K × d (or K, meaning
// d = 1) and labels of shape K (C = 1) or K × C, named y (wanted labels of
// f+g) or z (targets of g itself), as in the CSV format's last column.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Data is a table of K samples with d inputs and C labels each, every
// number exact; Oracle converts it to an oracle.Data (Y when C = 1, Ys
// when C > 1).
type Data struct {
	X     [][]*big.Rat // K × d
	Y     [][]*big.Rat // K × C
	Label string       // "y" or "z"
}

// K is the number of samples.
func (d *Data) K() int { return len(d.X) }

// Dim is the input dimension d.
func (d *Data) Dim() int { return len(d.X[0]) }

// Outputs is the number C of labels per sample.
func (d *Data) Outputs() int { return len(d.Y[0]) }

// Oracle is d as an oracle.Data: labels in Y when C = 1, in Ys when C > 1.
func (d *Data) Oracle() (*oracle.Data, error) {
	if d.Outputs() != 1 {
		return &oracle.Data{X: d.X, Ys: d.Y, Label: d.Label}, nil
	}
	od := &oracle.Data{X: d.X, Y: make([]*big.Rat, d.K()), Label: d.Label}
	for i, y := range d.Y {
		od.Y[i] = y[0]
	}
	return od, nil
}

// DataFromTensors makes a data set of the inputs x and labels y (whose
// name, "y" or "z", becomes Label). file names the input in errors.
func DataFromTensors(x, y *Tensor, file string) (*Data, error) {
	X, err := Rows(x, file)
	if err != nil {
		return nil, err
	}
	Y, err := Rows(y, file)
	if err != nil {
		return nil, err
	}
	if len(Y) != len(X) {
		return nil, &FormatError{File: file, Tensor: y.Name, Msg: fmt.Sprintf("%d labels (shape %v) for %d rows of %s (shape %v)", len(Y), y.Shape, len(X), x.Name, x.Shape)}
	}
	label := "y"
	if y.Name == "z" {
		label = "z"
	}
	return &Data{X: X, Y: Y, Label: label}, nil
}

// Rows reads a tensor of shape K × n, or K meaning n = 1, as K rows.
func Rows(t *Tensor, file string) ([][]*big.Rat, error) {
	k, n := 0, 1
	switch len(t.Shape) {
	case 1:
		k = t.Shape[0]
	case 2:
		k, n = t.Shape[0], t.Shape[1]
	default:
		return nil, &FormatError{File: file, Tensor: t.Name, Msg: fmt.Sprintf("shape %v, want K × n (or K)", t.Shape)}
	}
	if k == 0 || n == 0 {
		return nil, &FormatError{File: file, Tensor: t.Name, Msg: fmt.Sprintf("shape %v has no rows or no columns", t.Shape)}
	}
	rows := make([][]*big.Rat, k)
	for i := range rows {
		rows[i] = t.Values[i*n : (i+1)*n : (i+1)*n]
	}
	return rows, nil
}

// DataFromNPZ picks the data set of a .npz archive's arrays: X, and y or z
// (not both); any other array is an error, lest it be a label the reader
// silently drops.
func DataFromNPZ(ts []*Tensor, file string) (*Data, error) {
	var x, y *Tensor
	for _, t := range ts {
		switch t.Name {
		case "X":
			x = t
		case "y", "z":
			if y != nil {
				return nil, &FormatError{File: file, Tensor: t.Name, Msg: fmt.Sprintf("archive has both %q and %q: which are the labels?", y.Name, t.Name)}
			}
			y = t
		default:
			return nil, &FormatError{File: file, Tensor: t.Name, Msg: "array is not X, y or z"}
		}
	}
	if x == nil || y == nil {
		return nil, &FormatError{File: file, Msg: fmt.Sprintf("archive needs arrays X and y (or z); it has %s", sortedNames(ts))}
	}
	return DataFromTensors(x, y, file)
}
