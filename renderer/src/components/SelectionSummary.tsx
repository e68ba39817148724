/** The right pane while several items are ticked: what was chosen and where the batch actions are. */
export function SelectionSummary({ count }: { count: number }) {
  return (
    <section className="tz-next-steps" aria-label="已选材料">
      <div className="tz-step-title">已选 {count} 件材料</div>
      <p className="tz-step-text">
        用材料列表上方的批量操作栏：关联到指标、批量填写（责任者、日期、照片说明等）、改类型或状态、合并为一件、删除。每一步都可以在提示里撤销。
      </p>
      <p className="tz-step-text">点一件材料（不勾选）可查看它的详情；再点勾选框可取消选择。</p>
    </section>
  );
}
