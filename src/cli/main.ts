console.error('ycml-auth: not built yet');
process.exit(1);
