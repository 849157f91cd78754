package oracle

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// Data is a table of samples: K rows of inputs x_i ∈ ℚ^d and one label each.
// Label names the last column: "y" (wanted labels of f+g) or "z" (targets of
// g itself).
type Data struct {
	X     [][]*big.Rat
	Y     []*big.Rat
	Label string
	Lines []int // source line of each row when read by ReadData (else nil)
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
// header x1,…,xd,y (or …,z) and one sample per row, every number exact.
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
		x, y, err := dr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		d.X = append(d.X, x)
		d.Y = append(d.Y, y)
		d.Lines = append(d.Lines, dr.Line())
	}
	if len(d.X) == 0 {
		return nil, &ParseError{File: name, Msg: "no data rows after the header"}
	}
	return d, nil
}

func readHeader(fields []string, name string, line int) (string, error) {
	if len(fields) < 2 {
		return "", &ParseError{File: name, Line: line, Msg: "header needs x1,…,xd and a label column y or z"}
	}
	for j, f := range fields[:len(fields)-1] {
		if want := fmt.Sprintf("x%d", j+1); strings.TrimSpace(f) != want {
			return "", &ParseError{File: name, Line: line, Msg: fmt.Sprintf("header column %d is %q, want %q", j+1, f, want)}
		}
	}
	lab := strings.TrimSpace(fields[len(fields)-1])
	if lab != "y" && lab != "z" {
		return "", &ParseError{File: name, Line: line, Msg: fmt.Sprintf("last header column is %q, want the label column y (or z)", lab)}
	}
	return lab, nil
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
	bw.WriteString(label + "\n")
	for i, x := range d.X {
		for _, v := range x {
			bw.WriteString(FormatRat(v))
			bw.WriteByte(',')
		}
		bw.WriteString(FormatRat(d.Y[i]))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
