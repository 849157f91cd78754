package oracle

import (
	"bytes"
	"encoding/json"
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
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

type jsonLayer struct {
	W [][]json.RawMessage `json:"W"`
	B []json.RawMessage   `json:"b"`
}

type jsonNetwork struct {
	Layers []jsonLayer `json:"layers"`
}

// maxInputBytes bounds what a reader accepts, so hostile input fails cleanly.
const maxInputBytes = 1 << 30

// ReadNetwork reads the network JSON format of INTERFACE.md. Numbers may be
// JSON strings ("-2/3", "0.125") or plain JSON numbers, read exactly as written.
// name labels errors (usually the file path).
func ReadNetwork(r io.Reader, name string) (*Network, error) {
	src, err := io.ReadAll(io.LimitReader(r, maxInputBytes))
	if err != nil {
		return nil, &ParseError{File: name, Msg: err.Error()}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &ParseError{File: name, Msg: "empty file"}
	}
	var jn jsonNetwork
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jn); err != nil {
		return nil, jsonError(name, src, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		e := &ParseError{File: name, Msg: "unexpected data after the network object"}
		e.Line, e.Column = lineCol(src, int(dec.InputOffset()))
		return nil, e
	}
	n := &Network{Layers: make([]Layer, len(jn.Layers))}
	for li, jl := range jn.Layers {
		l := Layer{W: make([][]*big.Rat, len(jl.W)), B: make([]*big.Rat, len(jl.B))}
		for r, row := range jl.W {
			l.W[r] = make([]*big.Rat, len(row))
			for c, raw := range row {
				v, err := rawRat(raw)
				if err != nil {
					return nil, entryError(name, src, raw, fmt.Sprintf("layers[%d].W[%d][%d]: %v", li, r, c, err), li, "W", r, c)
				}
				l.W[r][c] = v
			}
		}
		for r, raw := range jl.B {
			v, err := rawRat(raw)
			if err != nil {
				return nil, entryError(name, src, raw, fmt.Sprintf("layers[%d].b[%d]: %v", li, r, err), li, "b", r)
			}
			l.B[r] = v
		}
		n.Layers[li] = l
	}
	if err := n.Validate(); err != nil {
		return nil, &ParseError{File: name, Msg: err.Error()}
	}
	return n, nil
}

func rawRat(raw json.RawMessage) (*big.Rat, error) {
	s := strings.TrimSpace(string(raw))
	if strings.HasPrefix(s, `"`) {
		var str string
		if err := json.Unmarshal(raw, &str); err != nil {
			return nil, err
		}
		return ParseRat(str)
	}
	if s == "null" {
		return nil, fmt.Errorf("null is not a number")
	}
	return ParseRat(s)
}

// entryError reports a bad number at layers[li].field[idx...], located by
// walking the JSON tokens of src to that entry (so repeated bad values are
// told apart); if that fails, at the first occurrence of raw.
func entryError(name string, src []byte, raw json.RawMessage, msg string, li int, field string, idx ...int) error {
	e := &ParseError{File: name, Msg: msg}
	off := entryOffset(src, li, field, idx...)
	if off < 0 {
		off = bytes.Index(src, raw)
	}
	if off >= 0 {
		e.Line, e.Column = lineCol(src, off)
	}
	return e
}

// entryOffset is the byte offset in src of the value layers[li].field[idx...]
// of a network file that json.Unmarshal accepted, or −1.
func entryOffset(src []byte, li int, field string, idx ...int) int {
	dec := json.NewDecoder(bytes.NewReader(src))
	if !enterKey(dec, "layers") || !enterIndex(dec, li) || !enterKey(dec, field) {
		return -1
	}
	for _, i := range idx {
		if !enterIndex(dec, i) {
			return -1
		}
	}
	off := int(dec.InputOffset())
	for off < len(src) && strings.IndexByte(" \t\r\n,:", src[off]) >= 0 {
		off++
	}
	return off
}

// enterKey reads an object's opening brace and its members up to key, leaving
// dec before key's value.
func enterKey(dec *json.Decoder, key string) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return false
		}
		if k == key {
			return true
		}
		if !skipValue(dec) {
			return false
		}
	}
	return false
}

// enterIndex reads an array's opening bracket and i elements, leaving dec
// before element i.
func enterIndex(dec *json.Decoder, i int) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return false
	}
	for ; i > 0; i-- {
		if !dec.More() || !skipValue(dec) {
			return false
		}
	}
	return dec.More()
}

// skipValue reads one whole value (scalar, array or object).
func skipValue(dec *json.Decoder) bool {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return true
		}
	}
}

func jsonError(name string, src []byte, err error) error {
	e := &ParseError{File: name, Msg: err.Error()}
	var off int64 = -1
	switch t := err.(type) {
	case *json.SyntaxError:
		off = t.Offset
	case *json.UnmarshalTypeError:
		off = t.Offset
		e.Msg = fmt.Sprintf("%s: expected %s, found %s", t.Field, t.Type, t.Value)
	}
	if err == io.ErrUnexpectedEOF {
		e.Msg = "unexpected end of file (truncated JSON)"
	}
	if off >= 0 {
		e.Line, e.Column = lineCol(src, int(off))
	}
	return e
}

func lineCol(src []byte, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(src[:off], '\n')
	return line, col
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
