// Next writes next-env.d.ts on its first run; these references let `tsc` pass on a fresh clone too.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
