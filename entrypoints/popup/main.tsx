import { render } from 'preact';
render(<p>Satchel</p>, document.getElementById('app')!);
