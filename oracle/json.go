package oracle

import (
	"fmt"
	"io"
	"math/big"
	"strings"
)

// ParseError is bad user input: the file, its line and column when known
// (0 when not), and what is wrong.
type ParseError struct {
	File         string
	Line, Column int
	Msg          string
	Err          error // the underlying error, if any (a *LimitError, an I/O error)
}

func (e *ParseError) Unwrap() error { return e.Err }

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// WriteJSON writes n in the network JSON format, numbers as strings of
// integers or reduced fractions, one layer per line group.
func (n *Network) WriteJSON(w io.Writer) error {
	n.mustValid()
	var b strings.Builder
	b.WriteString("{\"layers\": [\n")
	for li, l := range n.Layers {
		b.WriteString("  {\"W\": [")
		for r, row := range l.W {
			if r > 0 {
				b.WriteString(",\n         ")
			}
			writeRatList(&b, row)
		}
		b.WriteString("],\n   \"b\": ")
		writeRatList(&b, l.B)
		b.WriteString("}")
		if li < len(n.Layers)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRatList(b *strings.Builder, v []*big.Rat) {
	b.WriteByte('[')
	for i, x := range v {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('"')
		b.WriteString(FormatRat(x))
		b.WriteByte('"')
	}
	b.WriteByte(']')
}
