import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; `kehu start` builds it into dist/web and serves it at /.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1200, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
