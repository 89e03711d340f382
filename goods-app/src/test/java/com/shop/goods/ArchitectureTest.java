package com.shop.goods;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.ibatis.annotations.Mapper;

/** goods-app's rooms (docs/design.md, Modules; /work/shared/STYLE.md): each line in the room it belongs in. */
@AnalyzeClasses(packages = "com.shop.goods", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FLOWS = {"com.shop.goods.stock.."};

    private static final String[] ADAPTERS = {"com.shop.goods.web..", "com.shop.goods.rpc..", "com.shop.goods.mq.."};

    /** The business flows (stock) speak to other services and the broker only through rpc and mq. */
    @ArchTest
    static final ArchRule flowsSeeNeitherDubboNorRocketMqNorTheWeb = noClasses().that().resideInAnyPackage(FLOWS)
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.dubbo..", "org.apache.rocketmq..", "com.shop.goods.web..");

    /** web, rpc and mq are thin: they hand work to a flow, which owns the database; none reaches a mapper. */
    @ArchTest
    static final ArchRule adaptersNeverTouchAMapper = noClasses().that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().areAnnotatedWith(Mapper.class).allowEmptyShould(true);

    /** db is the bottom room: records, mappers and the codes they store, knowing nothing of who uses them. */
    @ArchTest
    static final ArchRule theDatabaseRoomDependsOnNoOtherRoom = noClasses().that().resideInAPackage("com.shop.goods.db..")
            .should().dependOnClassesThat().resideInAnyPackage(FLOWS)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);
}
