package main

// Points read one at a time (finetune's -keep and -heldout as they stream
// by): a CSV with header x1,…,xd, or a .npy / the X of a .npz held in memory.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// pointSource yields points until io.EOF; Line is the source line (a row
// number for arrays) of the point Next returned last.
type pointSource interface {
	Next() ([]*big.Rat, error)
	Line() int
	Dim() int
}

// pointReader reads a points CSV: header x1,…,xd, one point a row, blank
// lines skipped, each line and number bounded as in data CSV.
type pointReader struct {
	br           *bufio.Reader
	name         string
	lim          oracle.Limits
	line, dim    int
	maxLine, per int
	rows         int
}

// newPointReader reads the header.
func newPointReader(r io.Reader, name string, lim oracle.Limits) (*pointReader, error) {
	p := &pointReader{br: bufio.NewReaderSize(r, 1<<16), name: name, lim: lim, per: 1 << 20, maxLine: 1 << 24}
	if lim.MaxDigits > 0 {
		p.per = lim.MaxDigits + 64
	}
	for p.dim == 0 {
		text, eof, err := p.readLine()
		if err != nil {
			return nil, err
		}
		if t := strings.TrimSpace(text); t != "" {
			fields := strings.Split(t, ",")
			for j, f := range fields {
				if want := fmt.Sprintf("x%d", j+1); strings.TrimSpace(f) != want {
					msg := fmt.Sprintf("header column %d is %q, want %q", j+1, strings.TrimSpace(f), want)
					if j == len(fields)-1 && (strings.TrimSpace(f) == "y" || strings.TrimSpace(f) == "z") {
						msg += ": a file of points has inputs x1..xd only, no label column (their labels are what the network gives)"
					}
					return nil, &oracle.ParseError{File: name, Line: p.line, Msg: msg}
				}
			}
			p.dim = len(fields)
			p.maxLine = p.dim * p.per
		} else if eof {
			return nil, &oracle.ParseError{File: name, Msg: "empty file (want a header x1,…,xd)"}
		}
	}
	return p, nil
}

func (p *pointReader) readLine() (string, bool, error) {
	p.line++
	text, eof, err := readCSVLine(p.br, p.maxLine)
	if err != nil {
		var le *oracle.LimitError
		if errors.As(err, &le) {
			le.Max = p.lim.MaxDigits
			return "", false, &oracle.ParseError{File: p.name, Line: p.line, Msg: fmt.Sprintf("line is longer than %d bytes (each number has at most max-digits = %d digits)", p.maxLine, p.lim.MaxDigits), Err: err}
		}
		return "", false, &oracle.ParseError{File: p.name, Line: p.line, Msg: err.Error(), Err: err}
	}
	return text, eof, nil
}

func (p *pointReader) Dim() int  { return p.dim }
func (p *pointReader) Line() int { return p.line }

// Next returns the next point, io.EOF after the last; a file with no point
// after its header is an error.
func (p *pointReader) Next() ([]*big.Rat, error) {
	for {
		if p.br == nil {
			return nil, io.EOF
		}
		text, eof, err := p.readLine()
		if err != nil {
			return nil, err
		}
		if eof {
			p.br = nil
		}
		t := strings.TrimSpace(text)
		if t == "" {
			if eof && p.rows == 0 {
				return nil, &oracle.ParseError{File: p.name, Msg: "no rows after the header"}
			}
			continue
		}
		fields := strings.Split(t, ",")
		if len(fields) != p.dim {
			return nil, &oracle.ParseError{File: p.name, Line: p.line, Msg: fmt.Sprintf("row has %d fields, header has %d", len(fields), p.dim)}
		}
		x := make([]*big.Rat, p.dim)
		col := 1 + len(text) - len(strings.TrimLeft(text, " \t\v\f"))
		for j, f := range fields {
			v, err := oracle.ParseRatLimit(f, p.lim.MaxDigits)
			if err != nil {
				return nil, &oracle.ParseError{File: p.name, Line: p.line, Column: col, Msg: err.Error(), Err: err}
			}
			x[j] = v
			col += len(f) + 1
		}
		p.rows++
		return x, nil
	}
}

// slicePoints serves points held in memory (arrays); lines are row numbers.
type slicePoints struct {
	X   [][]*big.Rat
	row int
}

func (s *slicePoints) Next() ([]*big.Rat, error) {
	if s.row >= len(s.X) {
		return nil, io.EOF
	}
	s.row++
	return s.X[s.row-1], nil
}
func (s *slicePoints) Line() int { return s.row }
func (s *slicePoints) Dim() int {
	if len(s.X) == 0 {
		return 0
	}
	return len(s.X[0])
}

// openPoints opens a -keep or -heldout file for reading point by point;
// close it when done. Arrays (.npy, .npz) are read whole.
func openPoints(path, flagName string, lim *oracle.Limits, mo *modelOpts) (pointSource, io.Closer, error) {
	if path == "" {
		return nil, nil, usageErr("%s: the file name is empty", flagName)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".npy", ".npz":
		X, err := modelio.ReadPointsFile(path, mo.limits())
		if err != nil {
			return nil, nil, err
		}
		return &slicePoints{X: X}, io.NopCloser(nil), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, usageErr("%s: %v", flagName, err)
	}
	p, err := newPointReader(csvIn(f, path), path, *lim)
	if err != nil {
		f.Close()
		return nil, nil, dialectErr(err)
	}
	return dialectPoints{p}, f, nil
}

// dialectPoints unwraps the CSV dialect transform's errors (csvdialect.go).
type dialectPoints struct{ *pointReader }

func (d dialectPoints) Next() ([]*big.Rat, error) {
	x, err := d.pointReader.Next()
	if err != nil && err != io.EOF {
		err = dialectErr(err)
	}
	return x, err
}
