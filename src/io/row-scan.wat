;; The row scanner (see row-scan.ts): reads the lines of a chunk 64 bytes at a time with WebAssembly
;; SIMD and, for each, writes a record of 13 words: where its '\n' is, its kind, the hash of its id
;; and, for each other column, the number of its cell in a dictionary of the cells seen so far (the
;; same bytes in the same column, the same number). The row reader in JavaScript then knows what a
;; cell means from its number, found once per distinct cell. Compiled into row-scan-wasm.ts by
;; scripts/build-wasm.mjs.
;;
;; A record: 0 the '\n''s position; 1 the kind, two bits (1 not scanned, 2 it holds a quote: 0 scanned;
;; 1 not scanned, no quote; 2 scanned, with quotes; 3 not scanned, with a quote); 2, 3 the id's hash
;; (hash.ts hashBytes of the trimmed id);
;; 3 + c for the columns c = 1-9 (COLUMNS order) the cell's number. A column the file lacks reads as
;; its empty cell, whose number is c itself (setup makes those first).
(module
  (memory (export "memory") 1)
  (global $cols (mut i32) (i32.const 0))      ;; 256 bytes: the column of each field, 255 for none
  (global $slots (mut i32) (i32.const 0))     ;; the dictionary's hash table: an entry's number + 1, 0 empty
  (global $mask (mut i32) (i32.const 0))
  (global $entries (mut i32) (i32.const 0))   ;; 32 bytes an entry (see $entry)
  (global $max (mut i32) (i32.const 0))
  (global $maxSlots (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))
  (global $next (mut i32) (i32.const 0))      ;; where the next entry's bytes go
  (global $arenaEnd (mut i32) (i32.const 0))
  (global $width (mut i32) (i32.const 0))
  (global $today (mut i32) (i32.const 0))     ;; YYYYMMDD: a later date is left to the dictionary (and JavaScript)
  ;; Set in a record's word for a date read here: the rest is the day, YYYYMMDD.
  (global $DAY_FLAG i32 (i32.const 0x40000000))

  ;; Line flags. A line with any of BAD is not scanned further (it is read in JavaScript): 1 a quote
  ;; that does not open or close a field, 2 a byte above 127, 8 a blank id, 16 the dictionary full.
  ;; NO_ID until its id is read; HAS_QUOTE once it holds a quote. (Its bytes below ' ' or 0x7f, the
  ;; '\r' that ends it aside, are counted in the scan's `controls`.)
  (global $ODD_QUOTE i32 (i32.const 1))
  (global $NON_ASCII i32 (i32.const 2))
  (global $BAD i32 (i32.const 31))
  (global $NO_ID i32 (i32.const 32))
  (global $HAS_QUOTE i32 (i32.const 64))

  (func (export "entries") (result i32) (global.get $count))

  (func (export "layout") (param $width i32) (global.set $width (local.get $width)))

  ;; The regions (see row-scan.ts); empties the dictionary, then makes the empty cell of each column c
  ;; entry number c.
  (func (export "setup") (param $cols i32) (param $slots i32) (param $slotCount i32) (param $entries i32) (param $max i32)
    (param $arena i32) (param $arenaBytes i32) (param $today i32)
    (local $c i32)
    (global.set $today (local.get $today))
    (global.set $cols (local.get $cols))
    (global.set $slots (local.get $slots))
    ;; The table starts small and doubles as entries come (see $insert): a small one stays in the
    ;; processor's cache. `slotCount` is the most it may grow to.
    (global.set $maxSlots (local.get $slotCount))
    (global.set $mask (i32.const 1023))
    (global.set $entries (local.get $entries))
    (global.set $max (local.get $max))
    (global.set $next (local.get $arena))
    (global.set $arenaEnd (i32.add (local.get $arena) (local.get $arenaBytes)))
    (global.set $count (i32.const 0))
    (memory.fill (local.get $slots) (i32.const 0) (i32.shl (local.get $slotCount) (i32.const 2)))
    (loop $empty
      (drop (call $entry (local.get $c) (i32.const 0) (i32.const 0)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $empty (i32.lt_u (local.get $c) (i32.const 10)))))

  ;; murmur3's finish, as hash.ts fmix.
  (func $fmix (param $h i32) (result i32)
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x85ebca6b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))

;; The dictionary. An entry is 32 bytes: 0 its hash, 4 its column | length << 8, 8 and 16 its first
  ;; 16 bytes (as two i64, zero past its end), 24 where all its bytes are. A key is found by those
  ;; words alone when it is at most 16 bytes long (nearly every cell), else with the rest compared.

  ;; The hash of a key of `len` bytes at `s`, given its first 16 bytes `a`, `b` and colLen.
  (func $keyHash (param $a i64) (param $b i64) (param $colLen i32) (param $s i32) (param $len i32) (result i32)
    (local $x i64) (local $i i32)
    (local.set $x (i64.xor (i64.mul (local.get $a) (i64.const 0x9e3779b97f4a7c15))
                           (i64.mul (i64.rotl (local.get $b) (i64.const 31)) (i64.const 0xc2b2ae3d27d4eb4f))))
    (local.set $x (i64.xor (local.get $x) (i64.extend_i32_u (local.get $colLen))))
    ;; Past 16 bytes (rare: a long request type), 8 bytes at a time, the last zero past the end.
    (if (i32.gt_u (local.get $len) (i32.const 16))
      (then
        (local.set $i (i32.const 16))
        (block $done
          (loop $words
            (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
            (local.set $x (i64.mul (i64.xor (i64.rotl (local.get $x) (i64.const 27))
                                            (call $masked (i32.add (local.get $s) (local.get $i)) (i32.sub (local.get $len) (local.get $i))))
                                   (i64.const 0x9e3779b97f4a7c15)))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $words)))))
    (local.set $x (i64.mul (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 32))) (i64.const 0xd6e8feb86659fd93)))
    (i32.wrap_i64 (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 29)))))

  ;; The 8 bytes at `s`, those past the first `len` zero (all 8 when len >= 8, none when len <= 0).
  (func $masked (param $s i32) (param $len i32) (result i64)
    (if (i32.le_s (local.get $len) (i32.const 0)) (then (return (i64.const 0))))
    (if (i32.ge_u (local.get $len) (i32.const 8)) (then (return (i64.load (local.get $s)))))
    (i64.and (i64.load (local.get $s)) (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (local.get $len) (i32.const 3)))))))

  ;; 1 when memory[a, a + len) and memory[b, b + len) hold the same bytes.
  (func $same (param $a i32) (param $b i32) (param $len i32) (result i32)
    (local $i i32)
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i))) (i32.load8_u (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (i32.const 1))

  ;; The number of the cell memory[s, s + len) of `column`, added when new; -1 when the dictionary is full.
  (func $entry (param $column i32) (param $s i32) (param $len i32) (result i32)
    (local $a i64) (local $b i64) (local $colLen i32) (local $h i32) (local $slot i32) (local $v i32) (local $e i32)
    (local.set $a (call $masked (local.get $s) (local.get $len)))
    (local.set $b (call $masked (i32.add (local.get $s) (i32.const 8)) (i32.sub (local.get $len) (i32.const 8))))
    (local.set $colLen (i32.or (local.get $column) (i32.shl (local.get $len) (i32.const 8))))
    (local.set $h (call $keyHash (local.get $a) (local.get $b) (local.get $colLen) (local.get $s) (local.get $len)))
    (local.set $slot (i32.and (local.get $h) (global.get $mask)))
    (loop $probe
      (local.set $v (i32.load (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2)))))
      (if (i32.eqz (local.get $v))
        (then (return (call $insert (local.get $slot) (local.get $h) (local.get $colLen) (local.get $a) (local.get $b) (local.get $s) (local.get $len)))))
      (local.set $e (i32.add (global.get $entries) (i32.shl (i32.sub (local.get $v) (i32.const 1)) (i32.const 5))))
      (if (i32.and
            (i32.and (i32.eq (i32.load (local.get $e)) (local.get $h)) (i32.eq (i32.load offset=4 (local.get $e)) (local.get $colLen)))
            (i32.and (i64.eq (i64.load offset=8 (local.get $e)) (local.get $a)) (i64.eq (i64.load offset=16 (local.get $e)) (local.get $b))))
        (then
          (if (i32.le_u (local.get $len) (i32.const 16)) (then (return (i32.sub (local.get $v) (i32.const 1)))))
          (if (call $same (i32.add (i32.load offset=24 (local.get $e)) (i32.const 16)) (i32.add (local.get $s) (i32.const 16)) (i32.sub (local.get $len) (i32.const 16)))
            (then (return (i32.sub (local.get $v) (i32.const 1)))))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
      (br $probe))
    (unreachable))

  ;; Adds the key that $entry did not find, at its empty `slot`: its number, or -1 when the dictionary is full.
  (func $insert (param $slot i32) (param $h i32) (param $colLen i32) (param $a i64) (param $b i64) (param $s i32) (param $len i32) (result i32)
    (local $e i32)
    (if (i32.or (i32.ge_u (global.get $count) (global.get $max))
                (i32.gt_u (i32.add (global.get $next) (local.get $len)) (global.get $arenaEnd)))
      (then (return (i32.const -1))))
    (local.set $e (i32.add (global.get $entries) (i32.shl (global.get $count) (i32.const 5))))
    (i32.store (local.get $e) (local.get $h))
    (i32.store offset=4 (local.get $e) (local.get $colLen))
    (i64.store offset=8 (local.get $e) (local.get $a))
    (i64.store offset=16 (local.get $e) (local.get $b))
    (i32.store offset=24 (local.get $e) (global.get $next))
    (memory.copy (global.get $next) (local.get $s) (local.get $len))
    (global.set $next (i32.add (global.get $next) (local.get $len)))
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.store (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2))) (global.get $count))
    (if (i32.and (i32.gt_u (i32.shl (global.get $count) (i32.const 1)) (global.get $mask))
                 (i32.lt_u (i32.add (global.get $mask) (i32.const 1)) (global.get $maxSlots)))
      (then (call $grow)))
    (i32.sub (global.get $count) (i32.const 1)))

  ;; Doubles the hash table and places every entry again, by its hash.
  (func $grow
    (local $i i32) (local $slot i32)
    (global.set $mask (i32.add (i32.shl (global.get $mask) (i32.const 1)) (i32.const 1)))
    (memory.fill (global.get $slots) (i32.const 0) (i32.shl (i32.add (global.get $mask) (i32.const 1)) (i32.const 2)))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $i) (global.get $count)))
        (local.set $slot (i32.and (i32.load (i32.add (global.get $entries) (i32.shl (local.get $i) (i32.const 5)))) (global.get $mask)))
        (block $placed
          (loop $probe
            (br_if $placed (i32.eqz (i32.load (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2))))))
            (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
            (br $probe)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (i32.store (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2))) (local.get $i))
        (br $entries))))

    ;; The 10 bytes at `s` as a day, YYYYMMDD + DAY_FLAG, when they are a calendar date YYYY-MM-DD no
  ;; later than today; else 0. (log-days.ts dayOfBytes says the same of such a date.)
  (func $day (param $s i32) (result i32)
    (local $y0 i32) (local $y1 i32) (local $y2 i32) (local $y3 i32) (local $m0 i32) (local $m1 i32) (local $d0 i32) (local $d1 i32)
    (local $year i32) (local $month i32) (local $day i32) (local $value i32) (local $last i32)
    (local.set $y0 (i32.sub (i32.load8_u (local.get $s)) (i32.const 48)))
    (local.set $y1 (i32.sub (i32.load8_u offset=1 (local.get $s)) (i32.const 48)))
    (local.set $y2 (i32.sub (i32.load8_u offset=2 (local.get $s)) (i32.const 48)))
    (local.set $y3 (i32.sub (i32.load8_u offset=3 (local.get $s)) (i32.const 48)))
    (local.set $m0 (i32.sub (i32.load8_u offset=5 (local.get $s)) (i32.const 48)))
    (local.set $m1 (i32.sub (i32.load8_u offset=6 (local.get $s)) (i32.const 48)))
    (local.set $d0 (i32.sub (i32.load8_u offset=8 (local.get $s)) (i32.const 48)))
    (local.set $d1 (i32.sub (i32.load8_u offset=9 (local.get $s)) (i32.const 48)))
    ;; A byte below '0' gives a negative digit, which unsigned is huge: one test for both bounds.
    (if (i32.or
          (i32.or (i32.ne (i32.load8_u offset=4 (local.get $s)) (i32.const 45)) (i32.ne (i32.load8_u offset=7 (local.get $s)) (i32.const 45)))
          (i32.or
            (i32.or (i32.or (i32.gt_u (local.get $y0) (i32.const 9)) (i32.gt_u (local.get $y1) (i32.const 9)))
                    (i32.or (i32.gt_u (local.get $y2) (i32.const 9)) (i32.gt_u (local.get $y3) (i32.const 9))))
            (i32.or (i32.or (i32.gt_u (local.get $m0) (i32.const 9)) (i32.gt_u (local.get $m1) (i32.const 9)))
                    (i32.or (i32.gt_u (local.get $d0) (i32.const 9)) (i32.gt_u (local.get $d1) (i32.const 9))))))
      (then (return (i32.const 0))))
    (local.set $year (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $y0) (i32.const 10)) (local.get $y1)) (i32.const 10)) (local.get $y2)) (i32.const 10)) (local.get $y3)))
    (local.set $month (i32.add (i32.mul (local.get $m0) (i32.const 10)) (local.get $m1)))
    (local.set $day (i32.add (i32.mul (local.get $d0) (i32.const 10)) (local.get $d1)))
    (local.set $value (i32.add (i32.add (i32.mul (local.get $year) (i32.const 10000)) (i32.mul (local.get $month) (i32.const 100))) (local.get $day)))
    (if (i32.or (i32.or (i32.eqz (local.get $month)) (i32.gt_u (local.get $month) (i32.const 12)))
                (i32.or (i32.eqz (local.get $day)) (i32.gt_u (local.get $value) (global.get $today))))
      (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $day) (i32.const 28))
      (then
        (local.set $last
          (if (result i32) (i32.eq (local.get $month) (i32.const 2))
            (then
              (if (result i32) (i32.and (i32.eqz (i32.and (local.get $year) (i32.const 3)))
                                        (i32.or (i32.ne (i32.rem_u (local.get $year) (i32.const 100)) (i32.const 0))
                                                (i32.eqz (i32.rem_u (local.get $year) (i32.const 400)))))
                (then (i32.const 29)) (else (i32.const 28))))
            (else
              ;; April, June, September and November have 30 days (bits 4, 6, 9, 11).
              (i32.sub (i32.const 31) (i32.and (i32.shr_u (i32.const 0xa50) (local.get $month)) (i32.const 1))))))
        (if (i32.gt_u (local.get $day) (local.get $last)) (then (return (i32.const 0))))))
    (i32.or (local.get $value) (global.get $DAY_FLAG)))

  ;; The two ASCII digits at `s` as a number, or -1 (huge, unsigned).
  (func $two (param $s i32) (result i32)
    (local $a i32) (local $b i32)
    (local.set $a (i32.sub (i32.load8_u (local.get $s)) (i32.const 48)))
    (local.set $b (i32.sub (i32.load8_u offset=1 (local.get $s)) (i32.const 48)))
    (if (result i32) (i32.or (i32.gt_u (local.get $a) (i32.const 9)) (i32.gt_u (local.get $b) (i32.const 9)))
      (then (i32.const -1))
      (else (i32.add (i32.mul (local.get $a) (i32.const 10)) (local.get $b)))))

  ;; The `len` bytes at `s` (20 or 25) as a day, as $day gives it, when they are a time on that UTC day:
  ;; YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+HH:MM ('T', 't' or ' ' between; 'Z' or 'z'); else 0
  ;; (another day once the offset is taken away, or any other form, is left to JavaScript). As
  ;; log-days.ts dateTimeOfBytes reads them: a log with timestamps gives each its own cell, and
  ;; would fill the dictionary.
  (func $dateTime (param $s i32) (param $len i32) (result i32)
    (local $c i32) (local $offset i32) (local $oh i32) (local $om i32) (local $h i32) (local $mi i32) (local $sec i32)
    (local.set $c (i32.load8_u offset=10 (local.get $s)))
    (if (i32.eqz (i32.or (i32.or (i32.eq (local.get $c) (i32.const 84)) (i32.eq (local.get $c) (i32.const 116))) (i32.eq (local.get $c) (i32.const 32))))
      (then (return (i32.const 0))))
    (if (i32.or (i32.ne (i32.load8_u offset=13 (local.get $s)) (i32.const 58)) (i32.ne (i32.load8_u offset=16 (local.get $s)) (i32.const 58)))
      (then (return (i32.const 0))))
    (local.set $c (i32.load8_u offset=19 (local.get $s)))
    (if (i32.eq (local.get $len) (i32.const 20))
      (then
        (if (i32.eqz (i32.or (i32.eq (local.get $c) (i32.const 90)) (i32.eq (local.get $c) (i32.const 122))))
          (then (return (i32.const 0)))))
      (else
        (if (i32.or (i32.and (i32.ne (local.get $c) (i32.const 43)) (i32.ne (local.get $c) (i32.const 45)))
                    (i32.ne (i32.load8_u offset=22 (local.get $s)) (i32.const 58)))
          (then (return (i32.const 0))))
        (local.set $oh (call $two (i32.add (local.get $s) (i32.const 20))))
        (local.set $om (call $two (i32.add (local.get $s) (i32.const 23))))
        (if (i32.or (i32.gt_u (local.get $oh) (i32.const 18)) (i32.gt_u (local.get $om) (i32.const 59)))
          (then (return (i32.const 0))))
        (local.set $offset (i32.add (i32.mul (local.get $oh) (i32.const 60)) (local.get $om)))
        (if (i32.eq (local.get $c) (i32.const 45)) (then (local.set $offset (i32.sub (i32.const 0) (local.get $offset)))))))
    (local.set $h (call $two (i32.add (local.get $s) (i32.const 11))))
    (local.set $mi (call $two (i32.add (local.get $s) (i32.const 14))))
    (local.set $sec (call $two (i32.add (local.get $s) (i32.const 17))))
    (if (i32.or (i32.or (i32.gt_u (local.get $h) (i32.const 23)) (i32.gt_u (local.get $mi) (i32.const 59))) (i32.gt_u (local.get $sec) (i32.const 59)))
      (then (return (i32.const 0))))
    ;; Minutes from midnight UTC: below 0 (huge, unsigned) or from 1440 on, another day.
    (if (i32.ge_u (i32.sub (i32.add (i32.mul (local.get $h) (i32.const 60)) (local.get $mi)) (local.get $offset)) (i32.const 1440))
      (then (return (i32.const 0))))
    (call $day (local.get $s)))

  ;; The id, field [s, e) of the line whose record is at `rec`: trimmed, then hashed two bytes at a
  ;; time as hash.ts hashBytes does (its mix32 written out). The line's flags after it.
  (func $id (param $flags i32) (param $s i32) (param $e i32) (param $rec i32) (result i32)
    (local $h1 i32) (local $h2 i32) (local $k i32) (local $len i32) (local $low i32) (local $c i32)
    (block $done
      (loop $trim
        (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
        (local.set $c (i32.load8_u (local.get $s)))
        (br_if $done (i32.eqz (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.lt_u (i32.sub (local.get $c) (i32.const 9)) (i32.const 5)))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $trim)))
    (block $done
      (loop $trim
        (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
        (local.set $c (i32.load8_u (i32.sub (local.get $e) (i32.const 1))))
        (br_if $done (i32.eqz (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.lt_u (i32.sub (local.get $c) (i32.const 9)) (i32.const 5)))))
        (local.set $e (i32.sub (local.get $e) (i32.const 1)))
        (br $trim)))
    (if (i32.eq (local.get $s) (local.get $e)) (then (return (i32.or (local.get $flags) (i32.const 8)))))
    (local.set $len (i32.sub (local.get $e) (local.get $s)))
    (local.set $h1 (i32.const 0x9747b28c))
    (local.set $h2 (i32.const 0x2f1d3a5b))
    (block $done
      (loop $pairs
        ;; The last pair may be a single byte: k is then that byte alone.
        (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
        (local.set $k
          (if (result i32) (i32.lt_u (i32.add (local.get $s) (i32.const 1)) (local.get $e))
            (then (i32.or (i32.load8_u (local.get $s)) (i32.shl (i32.load8_u offset=1 (local.get $s)) (i32.const 16))))
            (else (i32.load8_u (local.get $s)))))
        (local.set $h1 (i32.add (i32.mul (i32.rotl (i32.xor (local.get $h1)
                                                            (i32.mul (i32.rotl (i32.mul (local.get $k) (i32.const 0xcc9e2d51)) (i32.const 15)) (i32.const 0x1b873593)))
                                                   (i32.const 13))
                                         (i32.const 5))
                                (i32.const 0xe6546b64)))
        (local.set $h2 (i32.add (i32.mul (i32.xor (local.get $h2) (local.get $k)) (i32.const 0x01000193)) (i32.shr_u (local.get $h1) (i32.const 7))))
        (local.set $s (i32.add (local.get $s) (i32.const 2)))
        (br $pairs)))
    (local.set $low (call $fmix (i32.xor (local.get $h1) (local.get $len))))
    (i32.store offset=8 (local.get $rec) (local.get $low))
    (i32.store offset=12 (local.get $rec)
      (select (i32.const 1) (local.tee $k (call $fmix (i32.xor (i32.xor (local.get $h2) (i32.mul (local.get $len) (i32.const 0x27d4eb2f))) (local.get $low))))
              (i32.eqz (i32.or (local.get $low) (local.get $k)))))
    (i32.and (local.get $flags) (i32.xor (global.get $NO_ID) (i32.const -1))))

  ;; A new record at `rec`: every column its empty cell (number c), until its field is read.
  (func $begin (param $rec i32)
    (v128.store offset=16 (local.get $rec) (v128.const i32x4 1 2 3 4))
    (v128.store offset=32 (local.get $rec) (v128.const i32x4 5 6 7 8))
    (i32.store offset=48 (local.get $rec) (i32.const 9)))

;; scan(start, end, out, maxLines): the records of the lines of memory[start, end) that end there
  ;; (in a '\n'), from `out` on; how many (at most maxLines: the caller reads the rest another way).
  ;; Memory must be readable up to 64 bytes past `end`. The work of every cell is written out here,
  ;; not called: V8 does not inline WebAssembly calls, and a call a cell cost more than the cell.
  (func (export "scan") (param $start i32) (param $end i32) (param $out i32) (param $maxLines i32) (result i32)
    (local $i i32) (local $m i64) (local $p i32) (local $c i32) (local $v v128) (local $rest i32)
    (local $fs i32) (local $fe i32) (local $f i32) (local $flags i32) (local $lines i32) (local $rec i32)
    (local $column i32) (local $len i32) (local $n i32) (local $a i64) (local $b i64) (local $colLen i32)
    (local $x i64) (local $h i32) (local $slot i32) (local $w i32) (local $e i32)
    (local $c8 i64) (local $d i64) (local $q i32)
    ;; A quoted field: its text is [qs, qe); inQuote until its closing quote, qe -1 while none closed.
    (local $inQuote i32) (local $qs i32) (local $qe i32) (local $controls i32)
    (if (i32.eqz (local.get $maxLines)) (then (return (i32.const 0))))
    (local.set $qe (i32.const -1))
    (local.set $rec (local.get $out))
    (call $begin (local.get $rec))
    (local.set $flags (global.get $NO_ID))
    (local.set $fs (local.get $start))
    (local.set $i (local.get $start))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $i) (local.get $end)))
        ;; 64 bytes a block, 16 at a time: a block's loop over its bits ends in a branch that is hard to
        ;; predict (how many bits it has), so fewer, longer blocks are quicker (16 bytes: ~7 % slower).
        ;; A byte's bit in the mask: it is ',', '"', below ' ' (so '\n' too), 0x7f or above.
        (local.set $m (i64.extend_i32_u (i8x16.bitmask (v128.or
          (v128.or (i8x16.eq (local.tee $v (v128.load (local.get $i))) (i8x16.splat (i32.const 44)))
                   (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34))))
          (v128.or (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 32)))
                   (i8x16.gt_u (local.get $v) (i8x16.splat (i32.const 126))))))))
        (local.set $m (i64.or (local.get $m) (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
          (v128.or (i8x16.eq (local.tee $v (v128.load offset=16 (local.get $i))) (i8x16.splat (i32.const 44)))
                   (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34))))
          (v128.or (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 32)))
                   (i8x16.gt_u (local.get $v) (i8x16.splat (i32.const 126))))))) (i64.const 16))))
        (local.set $m (i64.or (local.get $m) (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
          (v128.or (i8x16.eq (local.tee $v (v128.load offset=32 (local.get $i))) (i8x16.splat (i32.const 44)))
                   (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34))))
          (v128.or (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 32)))
                   (i8x16.gt_u (local.get $v) (i8x16.splat (i32.const 126))))))) (i64.const 32))))
        (local.set $m (i64.or (local.get $m) (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
          (v128.or (i8x16.eq (local.tee $v (v128.load offset=48 (local.get $i))) (i8x16.splat (i32.const 44)))
                   (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34))))
          (v128.or (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 32)))
                   (i8x16.gt_u (local.get $v) (i8x16.splat (i32.const 126))))))) (i64.const 48))))
        (local.set $rest (i32.sub (local.get $end) (local.get $i)))
        (if (i32.lt_u (local.get $rest) (i32.const 64))
          (then (local.set $m (i64.and (local.get $m) (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $rest))) (i64.const 1))))))
        (block $bits_done
          (loop $bits
            (br_if $bits_done (i64.eqz (local.get $m)))
            (local.set $p (i32.add (local.get $i) (i32.wrap_i64 (i64.ctz (local.get $m)))))
            (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
            (local.set $c (i32.load8_u (local.get $p)))
            (if (i32.ne (local.get $c) (i32.const 44))
              (then
                (if (i32.eq (local.get $c) (i32.const 34))
                  (then
                    ;; A quote opens a field it starts, closes the field it opened; any other is odd.
                    (local.set $flags (i32.or (local.get $flags) (global.get $HAS_QUOTE)))
                    (if (local.get $inQuote)
                      (then
                        (local.set $inQuote (i32.const 0))
                        (local.set $qe (local.get $p)))
                      (else
                        (if (i32.and (i32.eq (local.get $p) (local.get $fs)) (i32.lt_s (local.get $qe) (i32.const 0)))
                          (then
                            (local.set $inQuote (i32.const 1))
                            (local.set $qs (i32.add (local.get $p) (i32.const 1))))
                          (else (local.set $flags (i32.or (local.get $flags) (global.get $ODD_QUOTE)))))))
                    (br $bits)))
                (if (i32.ge_u (local.get $c) (i32.const 128))
                  (then
                    (local.set $flags (i32.or (local.get $flags) (global.get $NON_ASCII)))
                    (br $bits)))
                (if (i32.ne (local.get $c) (i32.const 10))
                  (then
                    (local.set $controls (i32.add (local.get $controls) (i32.const 1)))
                    (br $bits)))
                ;; A line that ends inside a quoted field: the record goes on past it.
                (if (local.get $inQuote)
                  (then
                    (local.set $flags (i32.or (local.get $flags) (global.get $ODD_QUOTE)))
                    (local.set $inQuote (i32.const 0))))))
            ;; A comma inside a quoted field is its text.
            (br_if $bits (local.get $inQuote))
            ;; The end of field f, [fs, fe): before a '\r' that ends the line (the field cannot start after it).
            (local.set $fe (local.get $p))
            (if (i32.and (i32.eq (local.get $c) (i32.const 10)) (i32.gt_u (local.get $p) (local.get $fs)))
              (then (if (i32.eq (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.const 13))
                (then
                  (local.set $fe (i32.sub (local.get $p) (i32.const 1)))
                  (local.set $controls (i32.sub (local.get $controls) (i32.const 1)))))))
            ;; A quoted field is the text between its quotes, and ends right after its closing one.
            (if (i32.ge_s (local.get $qe) (i32.const 0))
              (then
                (if (i32.ne (local.get $fe) (i32.add (local.get $qe) (i32.const 1)))
                  (then (local.set $flags (i32.or (local.get $flags) (global.get $ODD_QUOTE)))))
                (local.set $fs (local.get $qs))
                (local.set $fe (local.get $qe))
                (local.set $qe (i32.const -1))))
            (block $field_done
              (br_if $field_done (i32.and (local.get $flags) (global.get $BAD)))
              (br_if $field_done (i32.ge_u (local.get $f) (i32.const 256)))
              (local.set $column (i32.load8_u (i32.add (global.get $cols) (local.get $f))))
              (br_if $field_done (i32.eq (local.get $column) (i32.const 255)))
              (if (i32.eqz (local.get $column))
                (then
                  (local.set $flags (call $id (local.get $flags) (local.get $fs) (local.get $fe) (local.get $rec)))
                  (br $field_done)))
              (local.set $len (i32.sub (local.get $fe) (local.get $fs)))
              ;; An empty cell is its column's empty entry, number `column` (see setup).
              (local.set $n (local.get $column))
              (block $found
                (br_if $found (i32.eqz (local.get $len)))
                ;; A date as YYYY-MM-DD, or a time on its UTC day (see $dateTime), is its day itself (see $day);
                ;; any other goes to the dictionary.
                (if (i32.and (i32.eq (local.get $len) (i32.const 10))
                             (i32.or (i32.eq (local.get $column) (i32.const 1)) (i32.eq (local.get $column) (i32.const 8))))
                  (then
                    (local.set $n (call $day (local.get $fs)))
                    (br_if $found (local.get $n))))
                (if (i32.and (i32.or (i32.eq (local.get $len) (i32.const 20)) (i32.eq (local.get $len) (i32.const 25)))
                             (i32.or (i32.eq (local.get $column) (i32.const 1)) (i32.eq (local.get $column) (i32.const 8))))
                  (then
                    (local.set $n (call $dateTime (local.get $fs) (local.get $len)))
                    (br_if $found (local.get $n))))
                (if (i32.gt_u (local.get $len) (i32.const 32))
                  (then
                    (local.set $n (call $entry (local.get $column) (local.get $fs) (local.get $len)))
                    (br $found)))
                ;; $entry written out for a key of at most 32 bytes (request types and categories are often
                ;; longer than 16): its words, hash, and probes. The first 16 bytes are masked without
                ;; branches (select): a cell's length varies from row to row, and a branch on it would
                ;; be mispredicted often. -1 >> (64 - 8k) keeps k bytes, for k in 1..8 (len is not 0 here).
                (local.set $a
                  (i64.and (i64.load (local.get $fs))
                           (i64.shr_u (i64.const -1)
                                      (i64.extend_i32_u (i32.sub (i32.const 64)
                                        (i32.shl (select (local.get $len) (i32.const 8) (i32.lt_u (local.get $len) (i32.const 8))) (i32.const 3)))))))
                (local.set $b
                  (select
                    (i64.and (i64.load offset=8 (local.get $fs))
                             (i64.shr_u (i64.const -1)
                                        (i64.extend_i32_u (i32.sub (i32.const 128)
                                          (i32.shl (select (local.get $len) (i32.const 16) (i32.lt_u (local.get $len) (i32.const 16))) (i32.const 3))))))
                    (i64.const 0)
                    (i32.gt_u (local.get $len) (i32.const 8))))
                (local.set $colLen (i32.or (local.get $column) (i32.shl (local.get $len) (i32.const 8))))
                (local.set $x (i64.xor (i64.xor (i64.mul (local.get $a) (i64.const 0x9e3779b97f4a7c15))
                                                (i64.mul (i64.rotl (local.get $b) (i64.const 31)) (i64.const 0xc2b2ae3d27d4eb4f)))
                                       (i64.extend_i32_u (local.get $colLen))))
                ;; Past 16 bytes, the next 8 and the 8 after (zero past the end), mixed in as $keyHash does.
                (if (i32.gt_u (local.get $len) (i32.const 16))
                  (then
                    (local.set $c8
                      (if (result i64) (i32.ge_u (local.get $len) (i32.const 24))
                        (then (i64.load offset=16 (local.get $fs)))
                        (else (i64.and (i64.load offset=16 (local.get $fs))
                                       (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 192) (i32.shl (local.get $len) (i32.const 3)))))))))
                    (local.set $x (i64.mul (i64.xor (i64.rotl (local.get $x) (i64.const 27)) (local.get $c8)) (i64.const 0x9e3779b97f4a7c15)))
                    (local.set $d (i64.const 0))
                    (if (i32.gt_u (local.get $len) (i32.const 24))
                      (then
                        (local.set $d
                          (if (result i64) (i32.eq (local.get $len) (i32.const 32))
                            (then (i64.load offset=24 (local.get $fs)))
                            (else (i64.and (i64.load offset=24 (local.get $fs))
                                           (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 256) (i32.shl (local.get $len) (i32.const 3)))))))))
                        (local.set $x (i64.mul (i64.xor (i64.rotl (local.get $x) (i64.const 27)) (local.get $d)) (i64.const 0x9e3779b97f4a7c15)))))))
                (local.set $x (i64.mul (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 32))) (i64.const 0xd6e8feb86659fd93)))
                (local.set $h (i32.wrap_i64 (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 29)))))
                (local.set $slot (i32.and (local.get $h) (global.get $mask)))
                (loop $probe
                  (local.set $w (i32.load (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2)))))
                  (if (i32.eqz (local.get $w))
                    (then
                      (local.set $n (call $insert (local.get $slot) (local.get $h) (local.get $colLen) (local.get $a) (local.get $b) (local.get $fs) (local.get $len)))
                      (br $found)))
                  (local.set $e (i32.add (global.get $entries) (i32.shl (i32.sub (local.get $w) (i32.const 1)) (i32.const 5))))
                  (if (i32.and
                        (i32.and (i32.eq (i32.load (local.get $e)) (local.get $h)) (i32.eq (i32.load offset=4 (local.get $e)) (local.get $colLen)))
                        (i32.and (i64.eq (i64.load offset=8 (local.get $e)) (local.get $a)) (i64.eq (i64.load offset=16 (local.get $e)) (local.get $b))))
                    (then
                      (local.set $n (i32.sub (local.get $w) (i32.const 1)))
                      (br_if $found (i32.le_u (local.get $len) (i32.const 16)))
                      ;; Past 16 bytes, the entry's bytes in the arena (readable 16 bytes past its end: see
                      ;; row-scan.ts), masked as the key's were.
                      (local.set $q (i32.load offset=24 (local.get $e)))
                      (br_if $found
                        (i32.and
                          (i64.eq (local.get $c8)
                                  (if (result i64) (i32.ge_u (local.get $len) (i32.const 24))
                                    (then (i64.load offset=16 (local.get $q)))
                                    (else (i64.and (i64.load offset=16 (local.get $q))
                                                   (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 192) (i32.shl (local.get $len) (i32.const 3)))))))))
                          (i64.eq (local.get $d)
                                  (if (result i64) (i32.le_u (local.get $len) (i32.const 24))
                                    (then (i64.const 0))
                                    (else (if (result i64) (i32.eq (local.get $len) (i32.const 32))
                                      (then (i64.load offset=24 (local.get $q)))
                                      (else (i64.and (i64.load offset=24 (local.get $q))
                                                     (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 256) (i32.shl (local.get $len) (i32.const 3)))))))))))))
                      (local.set $n (i32.const -1))))
                  (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
                  (br $probe)))
              (if (i32.lt_s (local.get $n) (i32.const 0))
                (then (local.set $flags (i32.or (local.get $flags) (i32.const 16))))
                (else (i32.store offset=12 (i32.add (local.get $rec) (i32.shl (local.get $column) (i32.const 2))) (local.get $n)))))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (local.set $fs (i32.add (local.get $p) (i32.const 1)))
            (br_if $bits (i32.eq (local.get $c) (i32.const 44)))
            ;; The end of the line: its record, and the next one begun. Control bytes are let through on a
            ;; line without quotes only (as RowKeys.readBytes does: see its splitQuoted).
            (if (i32.and (i32.ne (local.get $controls) (i32.const 0)) (i32.ne (i32.and (local.get $flags) (global.get $HAS_QUOTE)) (i32.const 0)))
              (then (local.set $flags (i32.or (local.get $flags) (global.get $ODD_QUOTE)))))
            (i32.store (local.get $rec) (local.get $p))
            (i32.store offset=4 (local.get $rec)
              (i32.or
                (i32.or (i32.ne (i32.and (local.get $flags) (i32.or (global.get $BAD) (global.get $NO_ID))) (i32.const 0))
                        (i32.ne (local.get $f) (global.get $width)))
                (i32.shl (i32.ne (i32.and (local.get $flags) (global.get $HAS_QUOTE)) (i32.const 0)) (i32.const 1))))
            (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
            (if (i32.eq (local.get $lines) (local.get $maxLines)) (then (return (local.get $lines))))
            (local.set $rec (i32.add (local.get $rec) (i32.const 52)))
            (call $begin (local.get $rec))
            (local.set $flags (global.get $NO_ID))
            (local.set $f (i32.const 0))
            (local.set $inQuote (i32.const 0))
            (local.set $qe (i32.const -1))
            (local.set $controls (i32.const 0))
            (br $bits)))
        (local.set $i (i32.add (local.get $i) (i32.const 64)))
        (br $blocks)))
    (local.get $lines)))
