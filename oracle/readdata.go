package oracle

// A streaming reader of the data CSV format: one row at a time, to the end
// of the input however long it is, each line and number bounded by Limits
// before it is held or converted.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// DataReader reads the rows of a data CSV one at a time.
type DataReader struct {
	br    *bufio.Reader
	name  string
	lim   Limits
	line  int // source line of the row last returned
	next  int // lines consumed so far
	dim   int
	outs  int // C, label columns
	label string
}

// maxHeaderBytes bounds the header line (about 10⁶ columns).
const maxHeaderBytes = 1 << 24

// NewDataReader reads the header of a data CSV from r; name labels errors.
func NewDataReader(r io.Reader, name string, lim Limits) (*DataReader, error) {
	dr := &DataReader{br: bufio.NewReaderSize(r, 1<<16), name: name, lim: lim}
	for {
		text, eof, err := dr.readLine(maxHeaderBytes, "the header")
		if err != nil {
			return nil, err
		}
		if t := strings.TrimSpace(text); t != "" {
			fields := strings.Split(t, ",")
			lab, C, err := readHeader(fields, name, dr.next)
			if err != nil {
				return nil, err
			}
			dr.dim, dr.outs, dr.label = len(fields)-C, C, lab
			return dr, nil
		}
		if eof {
			return nil, &ParseError{File: name, Msg: "empty file (want a header x1,…,xd,y)"}
		}
	}
}

// Dim is d, the number of input columns.
func (dr *DataReader) Dim() int { return dr.dim }

// Outputs is C, the number of label columns (y1..yC; 1 for y alone).
func (dr *DataReader) Outputs() int { return dr.outs }

// Label is the header's label letter: "y" or "z".
func (dr *DataReader) Label() string { return dr.label }

// Line is the source line of the row Next returned last.
func (dr *DataReader) Line() int { return dr.line }

// maxRowBytes bounds a row: d+C numbers of at most MaxDigits digits, with
// room for signs, points, exponents and spaces.
func (dr *DataReader) maxRowBytes() int {
	per := 1 << 20
	if dr.lim.MaxDigits > 0 {
		per = dr.lim.MaxDigits + 64
	}
	return (dr.dim + dr.outs) * per
}

// Next returns the next row's inputs and label, or io.EOF after the last,
// for data with one label per row. With C > 1 label columns it returns a
// *ParseError naming the row (use NextVec).
func (dr *DataReader) Next() ([]*big.Rat, *big.Rat, error) {
	x, ys, err := dr.NextVec()
	if err != nil {
		return nil, nil, err
	}
	if len(ys) != 1 {
		return nil, nil, &ParseError{File: dr.name, Line: dr.line, Msg: fmt.Sprintf("row has %d labels (%s1..%s%d), one label column %s is wanted here", len(ys), dr.label, dr.label, len(ys), dr.label)}
	}
	return x, ys[0], nil
}

// NextVec returns the next row's inputs and its C labels, or io.EOF after
// the last.
func (dr *DataReader) NextVec() ([]*big.Rat, []*big.Rat, error) {
	for {
		raw, eof, err := dr.readLine(dr.maxRowBytes(), "a row")
		if err != nil {
			return nil, nil, err
		}
		if strings.TrimSpace(raw) != "" {
			dr.line = dr.next
			return dr.parseRow(raw)
		}
		if eof {
			return nil, nil, io.EOF
		}
	}
}

func (dr *DataReader) parseRow(raw string) ([]*big.Rat, []*big.Rat, error) {
	text := strings.TrimSpace(raw)
	fields := strings.Split(text, ",")
	if len(fields) != dr.dim+dr.outs {
		return nil, nil, &ParseError{File: dr.name, Line: dr.line, Msg: fmt.Sprintf("row has %d fields, header has %d", len(fields), dr.dim+dr.outs)}
	}
	x := make([]*big.Rat, dr.dim)
	y := make([]*big.Rat, dr.outs)
	col := 1 + len(raw) - len(strings.TrimLeft(raw, " \t\v\f"))
	for j, f := range fields {
		v, err := ParseRatLimit(f, dr.lim.MaxDigits)
		if err != nil {
			return nil, nil, &ParseError{File: dr.name, Line: dr.line, Column: col, Msg: err.Error(), Err: err}
		}
		if j < dr.dim {
			x[j] = v
		} else {
			y[j-dr.dim] = v
		}
		col += len(f) + 1
	}
	return x, y, nil
}

// readLine reads one line (without its line end) of at most max bytes; eof
// reports that the input ended with it.
func (dr *DataReader) readLine(max int, what string) (string, bool, error) {
	dr.next++
	var buf []byte
	for {
		chunk, err := dr.br.ReadSlice('\n')
		if len(buf)+len(chunk) > max+2 {
			return "", false, &ParseError{File: dr.name, Line: dr.next, Msg: fmt.Sprintf("%s is longer than %d bytes (each number has at most max-digits = %d digits)", what, max, dr.lim.MaxDigits),
				Err: &LimitError{Limit: "max-digits", Max: dr.lim.MaxDigits, Got: len(buf) + len(chunk), What: "line length"}}
		}
		buf = append(buf, chunk...)
		switch err {
		case nil:
			return string(bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte{'\n'}), []byte{'\r'})), false, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return string(bytes.TrimSuffix(buf, []byte{'\r'})), true, nil
		default:
			return "", false, &ParseError{File: dr.name, Line: dr.next, Msg: err.Error(), Err: err}
		}
	}
}
