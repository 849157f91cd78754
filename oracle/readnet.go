package oracle

// The network JSON reader: a streaming parser of exactly the format of
// INTERFACE.md, {"layers": [{"W": [[…], …], "b": […]}, …]}. Keys are matched
// exactly, unknown or repeated keys are errors, every error names the file,
// line and column, and each number is bounded by Limits before it is held
// or converted. Nothing limits the file's length: it is read to its end.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"regexp"
)

// ReadNetwork reads the network JSON format of INTERFACE.md with
// DefaultLimits. Numbers may be JSON strings ("-2/3", "0.125") or plain JSON
// numbers, read exactly as written. name labels errors (usually the path).
func ReadNetwork(r io.Reader, name string) (*Network, error) {
	return ReadNetworkLimits(r, name, DefaultLimits)
}

// ReadNetworkLimits is ReadNetwork with the given limits on each number.
func ReadNetworkLimits(r io.Reader, name string, lim Limits) (*Network, error) {
	p := &netParser{br: bufio.NewReaderSize(r, 1<<16), name: name, lim: lim, line: 1, col: 1}
	n, err := p.network()
	if err != nil {
		return nil, err
	}
	if err := n.Validate(); err != nil {
		return nil, &ParseError{File: name, Msg: err.Error(), Err: err}
	}
	return n, nil
}

type netParser struct {
	br        *bufio.Reader
	name      string
	lim       Limits
	line, col int // position of the next byte
}

// errEOF marks the end of the input inside a value.
var errEOF = errors.New("unexpected end of file (truncated JSON)")

func (p *netParser) errAt(line, col int, format string, args ...any) error {
	return &ParseError{File: p.name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// peek skips white space and returns the next byte without consuming it.
func (p *netParser) peek() (byte, error) {
	for {
		c, err := p.br.ReadByte()
		if err == io.EOF {
			return 0, p.errAt(p.line, p.col, "%v", errEOF)
		}
		if err != nil {
			return 0, &ParseError{File: p.name, Line: p.line, Column: p.col, Msg: err.Error(), Err: err}
		}
		switch c {
		case ' ', '\t', '\r':
			p.col++
			continue
		case '\n':
			p.line, p.col = p.line+1, 1
			continue
		}
		p.br.UnreadByte()
		return c, nil
	}
}

// next consumes one byte that peek has seen.
func (p *netParser) next() byte {
	c, _ := p.br.ReadByte()
	p.col++
	return c
}

// expect consumes c or reports what was found instead.
func (p *netParser) expect(c byte, want string) error {
	got, err := p.peek()
	if err != nil {
		return err
	}
	if got != c {
		return p.errAt(p.line, p.col, "expected %s, found %s", want, describe(got))
	}
	p.next()
	return nil
}

func describe(c byte) string {
	switch {
	case c == '"':
		return "a string"
	case c == '[':
		return "an array"
	case c == '{':
		return "an object"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	case c >= ' ' && c < 0x7f:
		return fmt.Sprintf("%q", string(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// network reads the whole input: one object {"layers": […]} and nothing after.
func (p *netParser) network() (*Network, error) {
	if _, err := p.peek(); err != nil {
		var pe *ParseError
		if errors.As(err, &pe) && pe.Msg == errEOF.Error() && pe.Line == p.line {
			return nil, &ParseError{File: p.name, Msg: "empty file"}
		}
		return nil, err
	}
	n := &Network{}
	err := p.object("the network object {\"layers\": […]}", func(key string, line, col int) error {
		if key != "layers" {
			return p.errAt(line, col, "unknown key %s (the network object has only \"layers\")", quoteShort(key))
		}
		return p.array("the array of layers", func(i int) error {
			l, err := p.layer(i)
			n.Layers = append(n.Layers, l)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if _, err := p.peek(); err == nil {
		return nil, p.errAt(p.line, p.col, "unexpected data after the network object")
	}
	return n, nil
}

// layer reads {"W": [[…], …], "b": […]}.
func (p *netParser) layer(li int) (Layer, error) {
	var l Layer
	line, col := p.line, p.col
	if c, err := p.peek(); err == nil {
		line, col = p.line, p.col
		_ = c
	}
	var hasW, hasB bool
	err := p.object(fmt.Sprintf("layers[%d], an object {\"W\": …, \"b\": …}", li), func(key string, kl, kc int) error {
		switch key {
		case "W":
			hasW = true
			return p.array(fmt.Sprintf("layers[%d].W, an array of rows", li), func(r int) error {
				row, err := p.numbers(fmt.Sprintf("layers[%d].W[%d]", li, r))
				l.W = append(l.W, row)
				return err
			})
		case "b":
			hasB = true
			var err error
			l.B, err = p.numbers(fmt.Sprintf("layers[%d].b", li))
			return err
		}
		return p.errAt(kl, kc, "layers[%d]: unknown key %s (a layer has only \"W\" and \"b\")", li, quoteShort(key))
	})
	switch {
	case err != nil:
		return l, err
	case !hasW:
		return l, p.errAt(line, col, "layers[%d]: missing \"W\"", li)
	case !hasB:
		return l, p.errAt(line, col, "layers[%d]: missing \"b\"", li)
	}
	return l, nil
}

// numbers reads an array of numbers; what names it in errors.
func (p *netParser) numbers(what string) ([]*big.Rat, error) {
	var v []*big.Rat
	if v == nil {
		v = []*big.Rat{}
	}
	err := p.array(what+", an array of numbers", func(i int) error {
		x, err := p.number(fmt.Sprintf("%s[%d]", what, i))
		v = append(v, x)
		return err
	})
	return v, err
}

// object reads {"key": value, …}, calling member before each value; keys
// are exact and may not repeat.
func (p *netParser) object(what string, member func(key string, line, col int) error) error {
	if err := p.expect('{', what); err != nil {
		return err
	}
	seen := map[string]bool{}
	for first := true; ; first = false {
		c, err := p.peek()
		if err != nil {
			return err
		}
		if c == '}' {
			p.next()
			return nil
		}
		if !first {
			if err := p.expect(',', "',' or '}'"); err != nil {
				return err
			}
			if _, err := p.peek(); err != nil {
				return err
			}
		}
		line, col := p.line, p.col
		if err := p.expect('"', "a key"); err != nil {
			return err
		}
		key, err := p.str(256, line, col)
		if err != nil {
			return err
		}
		if seen[key] {
			return p.errAt(line, col, "key %s given twice", quoteShort(key))
		}
		seen[key] = true
		if err := p.expect(':', "':' after a key"); err != nil {
			return err
		}
		if err := member(key, line, col); err != nil {
			return err
		}
	}
}

// array reads [elem, …], calling elem for each element.
func (p *netParser) array(what string, elem func(i int) error) error {
	if err := p.expect('[', what); err != nil {
		return err
	}
	for i := 0; ; i++ {
		c, err := p.peek()
		if err != nil {
			return err
		}
		if c == ']' {
			p.next()
			return nil
		}
		if i > 0 {
			if err := p.expect(',', "',' or ']'"); err != nil {
				return err
			}
		}
		if err := elem(i); err != nil {
			return err
		}
	}
}

// str reads the rest of a string whose opening quote (at line:col) is
// consumed, at most max bytes, and decodes its escapes.
func (p *netParser) str(max int, line, col int) (string, error) {
	raw := []byte{'"'}
	for escaped := false; ; {
		c, err := p.br.ReadByte()
		if err != nil {
			return "", p.errAt(line, col, "unterminated string")
		}
		p.col++
		if c < ' ' {
			return "", p.errAt(p.line, p.col-1, "control character 0x%02x in a string", c)
		}
		raw = append(raw, c)
		if len(raw) > max+2 {
			return "", &ParseError{File: p.name, Line: line, Column: col, Msg: fmt.Sprintf("string longer than %d bytes", max),
				Err: &LimitError{Limit: "max-digits", Max: p.lim.MaxDigits, Got: len(raw), What: "string length"}}
		}
		if c == '"' && !escaped {
			break
		}
		escaped = c == '\\' && !escaped
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", p.errAt(line, col, "bad string: %v", err)
	}
	return s, nil
}

// jsonNumber is the grammar of a JSON number.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// maxNumberBytes bounds a number's text: MaxDigits digits and room for its
// sign, point, exponent and spaces.
func (p *netParser) maxNumberBytes() int {
	if p.lim.MaxDigits > 0 {
		return p.lim.MaxDigits + 64
	}
	return 1 << 30
}

// number reads one entry: a JSON string holding a number or a JSON number.
func (p *netParser) number(what string) (*big.Rat, error) {
	c, err := p.peek()
	if err != nil {
		return nil, err
	}
	line, col := p.line, p.col
	var text string
	switch {
	case c == '"':
		p.next()
		if text, err = p.str(p.maxNumberBytes(), line, col); err != nil {
			return nil, err
		}
	case c == '-' || c >= '0' && c <= '9':
		text = p.word()
		if !jsonNumber.MatchString(text) {
			return nil, p.errAt(line, col, "%s: %s is not a JSON number", what, quoteShort(text))
		}
	case c >= 'a' && c <= 'z':
		w := p.word()
		if w == "null" {
			return nil, p.errAt(line, col, "%s: null is not a number", what)
		}
		return nil, p.errAt(line, col, "%s: expected a number, found %s", what, quoteShort(w))
	default:
		return nil, p.errAt(line, col, "%s: expected a number, found %s", what, describe(c))
	}
	v, err := ParseRatLimit(text, p.lim.MaxDigits)
	if err != nil {
		return nil, &ParseError{File: p.name, Line: line, Column: col, Msg: fmt.Sprintf("%s: %v", what, err), Err: err}
	}
	return v, nil
}

// word consumes a run of the bytes of numbers and literals, at most
// maxNumberBytes of them (the rest is left, to fail as a syntax error).
func (p *netParser) word() string {
	var b []byte
	for len(b) < p.maxNumberBytes() {
		c, err := p.br.ReadByte()
		if err != nil {
			break
		}
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.') {
			p.br.UnreadByte()
			break
		}
		b = append(b, c)
		p.col++
	}
	return string(b)
}
