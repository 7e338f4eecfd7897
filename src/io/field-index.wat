;; The field index (see field-index.ts): where the bytes that matter to CSV are in a chunk, found 16
;; bytes at a time with WebAssembly SIMD. Compiled into field-index-wasm.ts by scripts/build-wasm.mjs.
(module
  (memory (export "memory") 1)
  ;; index(start, end, out, limit): the positions of every ',' '\n' '"' and byte >= 0x80 in
  ;; memory[start, end), in order, as i32 from `out` on; how many, or -1 when there are more than
  ;; `limit` (the caller then reads the chunk without an index).
  (func (export "index") (param $start i32) (param $end i32) (param $out i32) (param $limit i32) (result i32)
    (local $i i32) (local $o i32) (local $stop i32) (local $v v128) (local $m i32) (local $c i32)
    (local.set $o (local.get $out))
    ;; Room for a whole block of 16 past the limit, so that only a block's first write is checked.
    (local.set $stop (i32.add (local.get $out) (i32.shl (local.get $limit) (i32.const 2))))
    (local.set $i (local.get $start))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $i)))
        ;; A byte's top bit in the mask: it is ',', '\n' or '"' (eq gives 0xff), or is >= 0x80 itself.
        (local.set $m (i8x16.bitmask
          (v128.or
            (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 44)))
                     (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10))))
            (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 34)))
                     (local.get $v)))))
        (if (i32.ne (local.get $m) (i32.const 0))
          (then
            (if (i32.gt_u (i32.add (local.get $o) (i32.shl (i32.popcnt (local.get $m)) (i32.const 2))) (local.get $stop))
              (then (return (i32.const -1))))
            (loop $bits
              (i32.store (local.get $o) (i32.add (local.get $i) (i32.ctz (local.get $m))))
              (local.set $o (i32.add (local.get $o) (i32.const 4)))
              (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
              (br_if $bits (i32.ne (local.get $m) (i32.const 0))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 44)) (i32.eq (local.get $c) (i32.const 10)))
                    (i32.or (i32.eq (local.get $c) (i32.const 34)) (i32.ge_u (local.get $c) (i32.const 128))))
          (then
            (if (i32.ge_u (local.get $o) (local.get $stop)) (then (return (i32.const -1))))
            (i32.store (local.get $o) (local.get $i))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 2))))
