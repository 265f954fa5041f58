using Assistant.Core.Summaries.Model;

namespace Assistant.Tests.Summaries.Checks;

/// <summary>Unit, place and person names recognised by the shapes real names have, in sentences of real briefs.</summary>
public sealed class NameShapesTests
{
    [Theory]
    [InlineData("检查发现长沙某化工有限公司甲类仓库与办公楼防火间距不足", "长沙某化工有限公司")]
    [InlineData("听取省应急管理厅专题汇报", "省应急管理厅")]
    [InlineData("湘潭市岳塘区应急管理局对辖区企业底数不清", "湘潭市岳塘区应急管理局")]
    [InlineData("向株洲市人民政府移交问题线索1项", "株洲市人民政府")]
    [InlineData("一是长沙某商场疏散通道堆放货物", "长沙某商场")]
    [InlineData("约谈湖南华菱钢铁集团有关负责人", "湖南华菱钢铁集团")]
    [InlineData("暗访株洲市荷塘区某液化气站", "株洲市荷塘区某液化气站")]
    [InlineData("督促长沙市消防救援支队加强检查", "长沙市消防救援支队")]
    public void AUnitName_IsFound_WithoutTheWordsBeforeIt(string sentence, string unit)
    {
        Assert.Equal([unit], NameShapes.Units(sentence));
    }

    [Theory]
    [InlineData("督促相关单位加强仓库管理")]
    [InlineData("要求属地政府举一反三，加强市场监管")]
    [InlineData("推动行业主管部门落实监管责任，督促企业整改")]
    [InlineData("该公司未按要求建立隐患排查台账")]
    [InlineData("督促辖区企业加强加油站和仓库安全管理")]
    [InlineData("市场监管局、应急管理局等部门联合检查")]
    [InlineData("有关部门和单位要以此为鉴")]
    [InlineData("重点企业的主要负责人未履行职责")]
    [InlineData("上述企业均已完成整改")]
    [InlineData("总体布局不合理，局部区域通道堵塞")]
    public void OfficialesePhrases_NameNoUnit(string sentence)
    {
        Assert.Empty(NameShapes.Units(sentence));
    }

    [Theory]
    [InlineData("省应急厅", "省应急管理厅")]
    [InlineData("市场监管局", "市场监督管理局")]
    [InlineData("岳塘区应急管理局", "湘潭市岳塘区应急管理局")]
    [InlineData("长沙化工有限公司", "长沙某化工有限公司")]
    [InlineData("长沙市芙蓉区某商场", "长沙某商场")]
    public void AKnownUnit_MayBeShortened_OrPlacedMore(string written, string known)
    {
        Assert.True(NameShapes.IsKnownUnit(written, [known], "单位：" + known + "｜地点：长沙市 芙蓉区"));
    }

    [Theory]
    [InlineData("湘潭某化工有限公司", "长沙某化工有限公司")]
    [InlineData("株洲市应急管理局", "湘潭市岳塘区应急管理局")]
    [InlineData("长沙某大酒店", "长沙某酒店")]
    [InlineData("省住房和城乡建设厅", "省应急管理厅")]
    [InlineData("长沙市开福区某商场", "长沙某商场")]
    public void AnotherPlaceOrOwner_IsAnotherUnit(string written, string known)
    {
        Assert.False(NameShapes.IsKnownUnit(written, [known], "单位：" + known));
    }

    [Theory]
    [InlineData("延伸检查湘潭市、株洲市", "湘潭市", "株洲市")]
    [InlineData("湘潭市岳塘区某化工企业", "湘潭市", "岳塘区")]
    [InlineData("湖南省安委会办公室", "湖南省")]
    public void Places_AreFound(string sentence, params string[] places)
    {
        Assert.Equal(places, NameShapes.Places(sentence));
    }

    [Theory]
    [InlineData("全省14个市州均已部署")]
    [InlineData("督促超市、农贸市场落实主体责任")]
    [InlineData("储罐区、生产区、办公区未有效隔离")]
    [InlineData("一是省委省政府高度重视；二是各市县区迅速行动")]
    [InlineData("城乡结合部和城中村是薄弱环节")]
    [InlineData("乡镇街道安全监管力量不足，辖区企业底数不清")]
    [InlineData("市场主体和社区、小区落实消防安全责任")]
    public void EverydayWordsWithAPlaceEnding_AreNoPlaces(string sentence)
    {
        Assert.Empty(NameShapes.Places(sentence));
    }

    [Theory]
    [InlineData("组长李明带队检查", "李明")]
    [InlineData("李明组长带队检查", "李明")]
    [InlineData("副省长王某某出席见面会", "王某某")]
    [InlineData("企业负责人刘某某未到场", "刘某某")]
    [InlineData("约谈了湘潭市副市长陈志刚", "陈志")]
    public void People_AreFound_NextToATitleOrAnonymised(string sentence, string person)
    {
        Assert.Contains(person, NameShapes.Persons(sentence));
    }

    [Theory]
    [InlineData("省委书记、省长出席见面会")]
    [InlineData("企业主要负责人和安全管理人员未经培训")]
    [InlineData("消防控制室值班人员未持证上岗")]
    [InlineData("项目经理未在岗，安全总监缺位")]
    [InlineData("岳塘区应急局同志表示乡镇监管力量不足")]
    public void TitlesWithoutAName_NameNobody(string sentence)
    {
        Assert.Empty(NameShapes.Persons(sentence));
    }

    [Theory]
    [InlineData("举报人王某某反映某站违规充装", true)]
    [InlineData("来电人：李明，反映企业违规", true)]
    [InlineData("举报人反映某站违规充装", false)]
    [InlineData("受理举报2件，均已转交属地核查", false)]
    public void ANameAfterATipsLabel_NamesTheTipster(string sentence, bool names)
    {
        Assert.Equal(names, NameShapes.NamesTipster(sentence));
    }
}
