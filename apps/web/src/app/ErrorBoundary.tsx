import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from './i18n';

/** A page that fails to render (or whose chunk fails to load) shows a way out, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('common.pageFailed')}
        subTitle={this.state.error.message}
        extra={<Button type="primary" onClick={() => window.location.reload()}>{i18n.t('common.reload')}</Button>}
      />
    );
  }
}
