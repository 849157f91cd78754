package modelio

// CSV dialects: the data and points CSV files ftcheck reads, as pandas and
// Excel write them, turned into the plain format (INTERFACE.md, "Files")
// by a streaming reader transform, and only where the dialect is certain.
//
//   - A UTF-8 byte order mark EF BB BF at the very start (Excel's "CSV
//     UTF-8") is dropped. Anywhere else it is an error: a BOM inside a file
//     means two files were joined, and which line is whose is a guess.
//   - A UTF-16 byte order mark at the start (Excel's "Unicode text") is an
//     error that says to save as CSV UTF-8: the bytes are not our text.
//   - CRLF line ends pass through (the readers take them); a carriage
//     return not followed by a line feed (classic Mac line ends, or a stray
//     byte) is an error, since it hides line breaks.
//   - pandas' DataFrame.to_csv() writes the index as a first column whose
//     header is empty (or "Unnamed: 0" once read back and written again).
//     When the header's first name is one of these two, that column is
//     dropped, but only if its values are exactly 0, 1, 2, … row by row:
//     the numbering of a fresh frame. Any other value (a filtered frame's
//     index 0, 3, 7, …; a real data column without a name) is an error
//     naming the line, pointing to to_csv(index=False). A header whose
//     first name is anything else is never touched.
//
// The transform adds and removes no line, so the line numbers of the
// readers after it are the file's. Memory is bounded: a line streams
// through in chunks, and at most maxIndexBytes of a line's start are
// looked at to find its index field.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// Dialect is what NewDialectReader found in a file (so far).
type Dialect struct {
	BOM   bool // a UTF-8 byte order mark at the start, dropped
	Index bool // a pandas index column, dropped
	CRLF  bool // some line ended in CR LF
}

// CSVDialectError is a CSV file that is not plain and not certainly one
// of the dialects above: the file, the line, what is wrong and the fix.
type CSVDialectError struct {
	File string
	Line int
	Msg  string
}

func (e *CSVDialectError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxIndexBytes bounds the start of a line read to find its index field
// (and to tell a blank line): an index has at most 19 digits.
const maxIndexBytes = 64

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// DialectReader is the plain CSV text of a file in one of the dialects.
type DialectReader struct {
	br      *bufio.Reader
	name    string
	Dialect Dialect // what was found so far; complete at io.EOF

	line       int  // current source line, 1-based
	started    bool // the start of the file has been looked at
	header     bool // the header line has been seen
	lineStart  bool // the next byte begins a line
	nextIndex  int  // the index value the next row must have
	bomMatched int  // bytes of a BOM matched at the end of the last chunk
	cr         bool // the last byte passed was a CR
	pend       []byte
	err        error
}

// NewDialectReader returns the plain CSV text of r; name labels errors.
func NewDialectReader(r io.Reader, name string) *DialectReader {
	return &DialectReader{br: bufio.NewReaderSize(r, 1<<16), name: name, line: 1, lineStart: true}
}

// Read implements io.Reader. After an error every call returns it.
func (d *DialectReader) Read(p []byte) (int, error) {
	for len(d.pend) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		d.fill()
	}
	n := copy(p, d.pend)
	d.pend = d.pend[n:]
	return n, nil
}

func (d *DialectReader) fail(format string, args ...any) {
	d.err = &CSVDialectError{File: d.name, Line: d.line, Msg: fmt.Sprintf(format, args...)}
	d.pend = nil
}

// fill sets pend to the next piece of output (at most the rest of one
// line) or sets err.
func (d *DialectReader) fill() {
	if d.lineStart {
		d.lineStart = false
		if !d.startLine() {
			return
		}
	}
	chunk, err := d.br.ReadSlice('\n')
	if !d.scan(chunk) {
		return
	}
	d.pend = chunk
	switch err {
	case nil:
		d.line++
		d.lineStart = true
	case bufio.ErrBufferFull:
	default: // io.EOF or a read error, after the bytes read
		d.err = err
	}
}

// scan checks a chunk for a byte order mark and a lone carriage return;
// both may straddle chunks.
func (d *DialectReader) scan(chunk []byte) bool {
	for _, b := range chunk {
		if d.cr {
			if b != '\n' {
				d.fail("a carriage return (CR) not followed by a line feed: the file has classic Mac line ends or a stray CR byte; save it with LF or CR LF line ends")
				return false
			}
			d.Dialect.CRLF = true
		}
		d.cr = b == '\r'
		switch {
		case b == utf8BOM[d.bomMatched]:
			d.bomMatched++
		case b == utf8BOM[0]:
			d.bomMatched = 1
		default:
			d.bomMatched = 0
		}
		if d.bomMatched == len(utf8BOM) {
			d.fail("a byte order mark (U+FEFF) inside the file, not at its start (two files joined?): remove it; only a UTF-8 byte order mark at the very start is accepted (and dropped)")
			return false
		}
	}
	return true
}

// startLine looks at the start of a line: the byte order mark of the file,
// the header's first name, a row's index. It reports false after an error.
func (d *DialectReader) startLine() bool {
	if !d.started {
		d.started = true
		p, _ := d.br.Peek(len(utf8BOM))
		switch {
		case bytes.HasPrefix(p, utf8BOM):
			d.br.Discard(len(utf8BOM))
			d.Dialect.BOM = true
		case bytes.HasPrefix(p, []byte{0xFF, 0xFE}), bytes.HasPrefix(p, []byte{0xFE, 0xFF}):
			d.fail("the file is UTF-16 text (byte order mark %X %X at its start): save it as \"CSV UTF-8\" (or plain ASCII)", p[0], p[1])
			return false
		}
	}
	if d.header && !d.Dialect.Index {
		return true
	}
	p, _ := d.br.Peek(maxIndexBytes)
	if blankStart(p) {
		return true // a blank line: the readers skip it
	}
	if !d.header {
		d.header = true
		j := bytes.IndexAny(p, ",\n")
		if j >= 0 && p[j] == ',' {
			if name := string(bytes.TrimSpace(p[:j])); name == "" || name == "Unnamed: 0" {
				d.Dialect.Index = true
				d.br.Discard(j + 1)
			}
		}
		return true
	}
	return d.dropIndex(p)
}

// dropIndex drops a row's index field, which must be the next number of
// 0, 1, 2, ….
func (d *DialectReader) dropIndex(p []byte) bool {
	want := strconv.Itoa(d.nextIndex)
	j := bytes.IndexAny(p, ",\n")
	if j < 0 || p[j] != ',' {
		d.fail("the first column (header empty or \"Unnamed: 0\", as pandas writes its index) has no value here, want %s: write the file with DataFrame.to_csv(path, index=False), or name the first column x1", want)
		return false
	}
	if got := string(p[:j]); got != want {
		d.fail("the first column (header empty or \"Unnamed: 0\", as pandas writes its index) is %q here, want %s: it is dropped only when it numbers the rows 0, 1, 2, …; write the file with DataFrame.to_csv(path, index=False) (after reset_index(drop=True) if rows were filtered), or name the first column x1", got, want)
		return false
	}
	d.br.Discard(j + 1)
	d.nextIndex++
	return true
}

// blankStart reports whether a line starting with p (at most
// maxIndexBytes of it, fewer at the end of the input) is blank.
func blankStart(p []byte) bool {
	for _, b := range p {
		switch b {
		case ' ', '\t', '\r', '\v', '\f':
		case '\n':
			return true
		default:
			return false
		}
	}
	return len(p) < maxIndexBytes // the input ends within p
}
