export { WhatIfSimulator } from './components/what-if-simulator';
