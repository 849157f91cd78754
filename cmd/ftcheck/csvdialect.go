package main

// Every CSV the command reads (data, and points to keep or to measure)
// goes through modelio's dialect transform first: a UTF-8 byte order mark
// at the start and a pandas index column numbering the rows 0, 1, 2, … are
// dropped; anything doubtful is an error naming the file and line, with
// the fix (modelio/csvdialect.go).

import (
	"errors"
	"io"
	"math/big"

	"github.com/ftcheck/ftcheck/modelio"
	"github.com/ftcheck/ftcheck/oracle"
)

// csvIn is the plain CSV text of a file in one of the accepted dialects.
func csvIn(r io.Reader, name string) io.Reader {
	return modelio.NewDialectReader(r, name)
}

// dialectErr returns the dialect transform's own error when err carries
// one: it names the file and line already, and the readers wrapping it
// would name them twice.
func dialectErr(err error) error {
	var de *modelio.CSVDialectError
	if errors.As(err, &de) {
		return de
	}
	return err
}

// readPointsDialect reads a points CSV (x1..xd) through the transform.
func readPointsDialect(r io.Reader, name string, lim oracle.Limits) ([][]*big.Rat, error) {
	X, err := readPointsCSV(csvIn(r, name), name, lim)
	return X, dialectErr(err)
}

// dialectSource is a streamed data CSV whose errors are unwrapped by
// dialectErr.
type dialectSource struct{ rowSource }

func (s dialectSource) Next() ([]*big.Rat, *big.Rat, error) {
	x, y, err := s.rowSource.Next()
	if err != nil && err != io.EOF {
		err = dialectErr(err)
	}
	return x, y, err
}

// NextVec is Next for rows with C labels, its errors unwrapped the same way.
func (s dialectSource) NextVec() ([]*big.Rat, []*big.Rat, error) {
	x, ys, err := s.rowSource.NextVec()
	if err != nil && err != io.EOF {
		err = dialectErr(err)
	}
	return x, ys, err
}
