package oracle

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// Data is a table of samples: K rows of inputs x_i ∈ ℚ^d and C ≥ 1 labels
// each. Label names the label columns: "y" (wanted labels of f+g) or "z"
// (targets of g itself); the CSV header has y (C = 1) or y1..yC.
type Data struct {
	X     [][]*big.Rat
	Y     []*big.Rat   // the label of each row when C = 1 (nil when C > 1)
	Ys    [][]*big.Rat // the C labels of each row when C > 1 (nil when C = 1)
	Label string
	Lines []int // source line of each row when read by ReadData (else nil)
}

// Outputs is C, the number of labels per row.
func (d *Data) Outputs() int {
	if len(d.Ys) > 0 {
		return len(d.Ys[0])
	}
	return 1
}

// Labels returns the C labels of row i (0-based), whatever C is.
func (d *Data) Labels(i int) []*big.Rat {
	if d.Ys != nil {
		return d.Ys[i]
	}
	return []*big.Rat{d.Y[i]}
}

// LabelRows returns the K × C labels, whatever C is (for VerifyVec).
func (d *Data) LabelRows() [][]*big.Rat {
	if d.Ys != nil {
		return d.Ys
	}
	rows := make([][]*big.Rat, len(d.Y))
	for i, y := range d.Y {
		rows[i] = []*big.Rat{y}
	}
	return rows
}

// Line is the source line of row (1-based) as ReadData read it, or row+1 (a
// header and no blank lines) when that is not known.
func (d *Data) Line(row int) int {
	if row >= 1 && row <= len(d.Lines) {
		return d.Lines[row-1]
	}
	return row + 1
}

// K is the number of samples.
func (d *Data) K() int { return len(d.X) }

// Dim is the input dimension d (0 for empty data).
func (d *Data) Dim() int {
	if len(d.X) == 0 {
		return 0
	}
	return len(d.X[0])
}

// DuplicatePointError reports two equal inputs x_I = x_J (1-based rows); the
// paper assumes pairwise distinct samples.
type DuplicatePointError struct {
	I, J int
}

func (e *DuplicatePointError) Error() string {
	return fmt.Sprintf("rows %d and %d have the same input x (the paper assumes pairwise distinct samples)", e.I, e.J)
}

// CheckDistinct returns a *DuplicatePointError naming the first two equal rows.
func CheckDistinct(X [][]*big.Rat) error {
	seen := make(map[string]int, len(X))
	for i, x := range X {
		var b strings.Builder
		for _, v := range x {
			b.WriteString(v.RatString())
			b.WriteByte(',')
		}
		if j, ok := seen[b.String()]; ok {
			return &DuplicatePointError{I: j + 1, J: i + 1}
		}
		seen[b.String()] = i
	}
	return nil
}

// ReadData reads the data CSV format of INTERFACE.md with DefaultLimits: a
// header x1,…,xd,y (or …,z; or …,y1,…,yC for C labels) and one sample per
// row, every number exact.
// Errors name file:line:column. It reads to the end of r, however long.
func ReadData(r io.Reader, name string) (*Data, error) {
	return ReadDataLimits(r, name, DefaultLimits)
}

// ReadDataLimits is ReadData with the given limits on each number.
func ReadDataLimits(r io.Reader, name string, lim Limits) (*Data, error) {
	dr, err := NewDataReader(r, name, lim)
	if err != nil {
		return nil, err
	}
	d := &Data{Label: dr.Label()}
	for {
		x, ys, err := dr.NextVec()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		d.X = append(d.X, x)
		if dr.Outputs() == 1 {
			d.Y = append(d.Y, ys[0])
		} else {
			d.Ys = append(d.Ys, ys)
		}
		d.Lines = append(d.Lines, dr.Line())
	}
	if len(d.X) == 0 {
		return nil, &ParseError{File: name, Msg: "no data rows after the header"}
	}
	return d, nil
}

// readHeader parses x1,…,xd followed by the label columns: y or z alone
// (C = 1), or y1,…,yC or z1,…,zC (one letter, numbered from 1 in order). It
// returns the letter and C.
func readHeader(fields []string, name string, line int) (string, int, error) {
	if len(fields) < 2 {
		return "", 0, &ParseError{File: name, Line: line, Msg: "header needs x1,…,xd and a label column y or z"}
	}
	d := 0
	for d < len(fields) && strings.TrimSpace(fields[d]) == fmt.Sprintf("x%d", d+1) {
		d++
	}
	switch d {
	case len(fields):
		return "", 0, &ParseError{File: name, Line: line, Msg: fmt.Sprintf("last header column is %q, want the label column y (or z)", strings.TrimSpace(fields[d-1]))}
	case 0:
		return "", 0, &ParseError{File: name, Line: line, Msg: fmt.Sprintf("header column 1 is %q, want \"x1\"", strings.TrimSpace(fields[0]))}
	}
	labels := fields[d:]
	first := strings.TrimSpace(labels[0])
	if len(labels) == 1 && (first == "y" || first == "z") {
		return first, 1, nil
	}
	lab := first[:min(1, len(first))]
	if lab != "y" && lab != "z" {
		if len(labels) == 1 {
			return "", 0, &ParseError{File: name, Line: line, Msg: fmt.Sprintf("last header column is %q, want the label column y (or z)", first)}
		}
		return "", 0, &ParseError{File: name, Line: line, Msg: fmt.Sprintf("header column %d is %q, want %q (inputs) or the label columns y1,…,yC (or z1,…,zC)", d+1, first, fmt.Sprintf("x%d", d+1))}
	}
	for c, f := range labels {
		f = strings.TrimSpace(f)
		if want := fmt.Sprintf("%s%d", lab, c+1); f != want {
			msg := fmt.Sprintf("header column %d is %q, want %q (label columns are %s1,…,%sC in order", d+c+1, f, want, lab, lab)
			if f != "" && (f[0] == 'y' || f[0] == 'z') && f[:1] != lab {
				msg += ", all y or all z, not both"
			}
			return "", 0, &ParseError{File: name, Line: line, Msg: msg + ")"}
		}
	}
	return lab, len(labels), nil
}

// WriteCSV writes d in the data CSV format with exact numbers.
func (d *Data) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for j := 1; j <= d.Dim(); j++ {
		fmt.Fprintf(bw, "x%d,", j)
	}
	label := d.Label
	if label == "" {
		label = "y"
	}
	C := d.Outputs()
	if C == 1 {
		bw.WriteString(label + "\n")
	} else {
		for c := 1; c <= C; c++ {
			fmt.Fprintf(bw, "%s%d", label, c)
			if c < C {
				bw.WriteByte(',')
			}
		}
		bw.WriteByte('\n')
	}
	for i, x := range d.X {
		for _, v := range x {
			bw.WriteString(FormatRat(v))
			bw.WriteByte(',')
		}
		for c, y := range d.Labels(i) {
			if c > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(FormatRat(y))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
