import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { Unbuilt } from '../Unbuilt.tsx';

/** 需求预测: placeholder until the area is built. */
export function DemandArea(props: { centre: Centre; info: AppInfo }) {
  void props;
  return <Unbuilt area="demand" />;
}
